package org.annals.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.annals.Hashes;

/**
 * A trained model: a JSON header (format version, base encoder and its digest, labels, features,
 * calibration, and the model card: data sets with their digests, settings, seed, date, scores) and
 * named tensors. Layout: the line {@code ANNALS-MODEL 1}, a 4-byte big-endian header length, the
 * header (UTF-8 JSON), then the tensors' bytes, little-endian, at the offsets the header gives. The
 * fine-tuning script writes it; {@code annals train} adds the card. Immutable.
 */
public final class ModelFile {
  /** The format this code reads. */
  public static final int FORMAT = 1;

  static final byte[] MAGIC = "ANNALS-MODEL 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One tensor: {@code int8} or {@code float32}, row-major. */
  public record Tensor(String name, String dtype, long[] shape, ByteBuffer data) {
    public Tensor {
      shape = shape.clone();
      data = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** Number of elements. */
    public long size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }

    /** The values of a float32 tensor. */
    public float[] floats() {
      float[] out = new float[(int) size()];
      data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tensor t
          && t.name.equals(name)
          && t.dtype.equals(dtype)
          && Arrays.equals(t.shape, shape)
          && t.data.equals(data);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return name + " " + dtype + Arrays.toString(shape);
    }
  }

  private final ObjectNode header;
  private final Map<String, Tensor> tensors;
  private final byte[] data;
  private final String origin;

  private ModelFile(ObjectNode header, Map<String, Tensor> tensors, byte[] data, String origin) {
    this.header = header;
    this.tensors = tensors;
    this.data = data;
    this.origin = origin;
  }

  /** The model header (a copy). */
  public ObjectNode header() {
    return header.deepCopy();
  }

  /** The tensors by name, in file order. */
  public Map<String, Tensor> tensors() {
    return tensors;
  }

  /** Where this model was read from. */
  public String origin() {
    return origin;
  }

  /** A tensor that must be present. */
  public Tensor tensor(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw corrupt(origin, "it has no tensor '" + name + "'");
    }
    return t;
  }

  /** SHA-256 of the tensor bytes: the same weights give the same digest. */
  public String weightsDigest() {
    return Hashes.sha256Hex(data);
  }

  /** Reads a model file. */
  public static ModelFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException("the model file " + file + " does not exist; " + ModelFiles.REBUILD);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ModelException("cannot read the model file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model file from {@code in} (not closed); {@code origin} names it in errors. */
  public static ModelFile read(InputStream in, String origin) throws IOException {
    byte[] all = in.readAllBytes();
    if (all.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw corrupt(
          origin,
          "it does not start with '" + new String(MAGIC, StandardCharsets.US_ASCII).strip() + "'");
    }
    int n = ByteBuffer.wrap(all, MAGIC.length, 4).order(ByteOrder.BIG_ENDIAN).getInt();
    int start = MAGIC.length + 4 + n;
    if (n <= 0 || start > all.length) {
      throw corrupt(origin, "its header is cut short");
    }
    ObjectNode header;
    try {
      header =
          (ObjectNode) JSON.readTree(new String(all, MAGIC.length + 4, n, StandardCharsets.UTF_8));
    } catch (IOException | ClassCastException e) {
      throw corrupt(origin, "its header is not JSON");
    }
    if (header.path("format").asInt(-1) != FORMAT) {
      throw new ModelException(
          String.format(
              Locale.ROOT,
              "the model file %s has format %s; this Annals reads format %d; %s",
              origin,
              header.path("format").asText("?"),
              FORMAT,
              ModelFiles.REBUILD));
    }
    byte[] data = Arrays.copyOfRange(all, start, all.length);
    String digest = header.path("weights_sha256").asText("");
    if (!digest.isEmpty() && !digest.equals(Hashes.sha256Hex(data))) {
      throw corrupt(origin, "its weights do not match their digest (a damaged or truncated file)");
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (JsonNode t : header.path("tensors")) {
      long offset = t.path("offset").asLong(-1);
      long bytes = t.path("bytes").asLong(-1);
      if (offset < 0 || bytes < 0 || offset + bytes > data.length) {
        throw corrupt(origin, "tensor '" + t.path("name").asText() + "' lies outside the file");
      }
      List<Long> shape = new ArrayList<>();
      t.path("shape").forEach(d -> shape.add(d.asLong()));
      String dtype = t.path("dtype").asText();
      Tensor tensor =
          new Tensor(
              t.path("name").asText(),
              dtype,
              shape.stream().mapToLong(Long::longValue).toArray(),
              ByteBuffer.wrap(data, (int) offset, (int) bytes).slice());
      long width = dtype.equals("float32") ? 4 : dtype.equals("int8") ? 1 : -1;
      if (width < 0 || tensor.size() * width != bytes) {
        throw corrupt(origin, "tensor " + tensor + " has " + bytes + " bytes");
      }
      tensors.put(tensor.name(), tensor);
    }
    return new ModelFile(header, java.util.Collections.unmodifiableMap(tensors), data, origin);
  }

  /** A model of {@code tensors} with {@code header} (the tensor index and digest are added). */
  public static ModelFile of(ObjectNode header, List<Tensor> tensors, String origin) {
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    com.fasterxml.jackson.databind.node.ArrayNode index = JSON.createArrayNode();
    Map<String, Tensor> byName = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      byte[] raw = new byte[t.data().remaining()];
      t.data().duplicate().get(raw);
      ObjectNode n = index.addObject();
      n.put("name", t.name());
      n.put("dtype", t.dtype());
      com.fasterxml.jackson.databind.node.ArrayNode shape = n.putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
      n.put("offset", data.size());
      n.put("bytes", raw.length);
      data.writeBytes(raw);
      byName.put(t.name(), t);
    }
    ObjectNode h = header.deepCopy();
    h.set("tensors", index);
    byte[] bytes = data.toByteArray();
    h.put("weights_sha256", Hashes.sha256Hex(bytes));
    return new ModelFile(h, java.util.Collections.unmodifiableMap(byName), bytes, origin);
  }

  /** A float32 tensor. */
  public static Tensor floats(String name, long[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new Tensor(name, "float32", shape, b);
  }

  /** This model with {@code header} (same tensors), e.g. after the card was added. */
  public ModelFile withHeader(ObjectNode newHeader) {
    ObjectNode h = newHeader.deepCopy();
    h.set("tensors", header.get("tensors"));
    h.put("weights_sha256", Hashes.sha256Hex(data));
    return new ModelFile(h, tensors, data, origin);
  }

  /** Writes the model to {@code file} (through a temporary file, so a failure leaves no half). */
  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      byte[] h = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(MAGIC);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(h.length).array());
        out.write(h);
        out.write(data);
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ModelException("cannot write the model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ModelException corrupt(String origin, String why) {
    return new ModelException(
        "the model file " + origin + " is damaged: " + why + "; " + ModelFiles.REBUILD);
  }
}
