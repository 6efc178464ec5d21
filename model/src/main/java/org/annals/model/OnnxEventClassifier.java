package org.annals.model;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.annals.classify.EventClassifier;
import org.annals.classify.Example;
import org.annals.classify.Labels;
import org.annals.classify.Prediction;
import org.annals.eval.Calibration;
import org.jspecify.annotations.Nullable;

/**
 * The trained classifier: the base encoder (all-MiniLM-L6-v2, int8) run by ONNX Runtime with the
 * model file's fine-tuned weights in place of the base ones, mean-pooled over the word pieces, the
 * rule features appended, and one linear head each for PLOVER, ACLED and CAMEO. Sentences are cut
 * to the model's {@code max_tokens} word pieces and run one at a time: the int8 graph quantizes its
 * activations with a scale taken over the whole run, so a sentence batched with others would get
 * probabilities that depend on them (and an article's events on its neighbours' wording).
 * Thread-safe: ONNX Runtime sessions serve concurrent runs; each run uses one core.
 */
public final class OnnxEventClassifier implements EventClassifier, AutoCloseable {
  private static @Nullable OnnxEventClassifier builtIn;

  private final OrtSession session;
  private final List<OnnxTensor> overrides;
  private final WordPiece tokenizer;
  private final int maxTokens;
  private final int hidden;
  private final List<String> features;
  private final Head plover;
  private final Head acled;
  private final Head cameo;
  private final Calibration.Scaling calibration;
  private final String name;

  private record Head(float[] weight, float[] bias, int in, int out) {
    double[] apply(float[] x) {
      double[] logits = new double[out];
      for (int j = 0; j < out; j++) {
        double s = bias[j];
        for (int i = 0; i < in; i++) {
          s += x[i] * weight[i * out + j];
        }
        logits[j] = s;
      }
      return softmax(logits);
    }
  }

  private OnnxEventClassifier(ModelFile m) throws OrtException {
    JsonNode h = m.header();
    this.maxTokens = h.path("max_tokens").asInt(96);
    this.hidden = h.path("hidden").asInt(384);
    this.features = strings(h.path("features"));
    this.plover = head(m, "plover", Labels.PLOVER);
    this.acled = head(m, "acled", Labels.ACLED);
    this.cameo = head(m, "cameo", Labels.CAMEO);
    try {
      this.calibration = calibration(h.path("calibration"));
    } catch (IllegalArgumentException e) {
      throw new ModelException(
          "the model file "
              + m.origin()
              + " has a broken calibration: "
              + e.getMessage()
              + "; "
              + ModelFiles.REBUILD,
          e);
    }
    this.name =
        h.path("name").asText("annals-event-model") + " " + m.weightsDigest().substring(0, 8);
    byte[] base = ModelFiles.baseModel();
    String want = h.path("base").path("sha256").asText("");
    if (!want.isEmpty() && !want.equals(org.annals.Hashes.sha256Hex(base))) {
      throw new ModelException(
          "the model file "
              + m.origin()
              + " was trained on another base encoder than "
              + ModelFiles.BASE_ARTIFACT
              + "; "
              + ModelFiles.REBUILD);
    }
    this.tokenizer = ModelFiles.tokenizer();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<OnnxTensor> tensors = new ArrayList<>();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      for (ModelFile.Tensor t : m.tensors().values()) {
        if (t.name().startsWith("head.")) {
          continue;
        }
        OnnxTensor tensor = tensor(env, t);
        tensors.add(tensor);
        options.addInitializer(t.name(), tensor);
      }
      this.session = env.createSession(base, options);
    } catch (OrtException e) {
      tensors.forEach(OnnxTensor::close);
      throw new ModelException(
          "the model file "
              + m.origin()
              + " does not fit the base encoder: "
              + e.getMessage()
              + "; "
              + ModelFiles.REBUILD,
          e);
    }
    this.overrides = List.copyOf(tensors);
  }

  /** The model packaged with Annals (loaded once per process). */
  public static synchronized OnnxEventClassifier builtIn() {
    if (builtIn == null) {
      try (InputStream in = OnnxEventClassifier.class.getResourceAsStream(ModelFiles.BUILT_IN)) {
        if (in == null) {
          throw new ModelException(
              "the trained model "
                  + ModelFiles.BUILT_IN
                  + " is not in the annals-model jar; "
                  + ModelFiles.REBUILD);
        }
        builtIn = create(ModelFile.read(in, "model/data/event-model.bin"));
      } catch (IOException e) {
        throw new ModelException("cannot read the built-in model: " + e.getMessage(), e);
      }
    }
    return builtIn;
  }

  /** The model in {@code file}. */
  public static OnnxEventClassifier load(Path file) {
    return create(ModelFile.read(file));
  }

  /** A classifier running {@code model}. */
  public static OnnxEventClassifier create(ModelFile model) {
    try {
      return new OnnxEventClassifier(model);
    } catch (OrtException e) {
      throw new ModelException(
          "cannot start ONNX Runtime for " + model.origin() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return name;
  }

  /**
   * The header's calibration: its isotonic curve ({@code x}, {@code y}) where it has one, else its
   * Platt fit ({@code a}, {@code b}; the identity without one).
   */
  static Calibration.Scaling calibration(JsonNode cal) {
    if (cal.path("x").isArray()) {
      double[] x = new double[cal.path("x").size()];
      double[] y = new double[cal.path("y").size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = cal.path("x").get(i).asDouble();
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = cal.path("y").get(i).asDouble();
      }
      return new Calibration.Curve(x, y);
    }
    return new Calibration.Fit(cal.path("a").asDouble(1), cal.path("b").asDouble(0));
  }

  @Override
  public double calibrate(double p) {
    return calibration.apply(p);
  }

  @Override
  public List<Prediction> classify(List<Example> examples) {
    List<Prediction> out = new ArrayList<>(examples.size());
    for (Example e : examples) {
      // One sentence a run (see the class comment).
      out.add(predict(encode(tokenizer.encode(e.text(), maxTokens)), e.features()));
    }
    return out;
  }

  /** The mean of the last hidden states of one sentence's word pieces {@code ids}. */
  private float[] encode(int[] ids) {
    int t = ids.length;
    long[] input = new long[t];
    long[] mask = new long[t];
    for (int k = 0; k < t; k++) {
      input[k] = ids[k];
      mask[k] = 1;
    }
    long[] shape = {1, t};
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor in = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
        OnnxTensor am = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor tt = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[t]), shape);
        OrtSession.Result result =
            session.run(Map.of("input_ids", in, "attention_mask", am, "token_type_ids", tt))) {
      FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] pooled = new float[hidden];
      for (int k = 0; k < t; k++) {
        for (int d = 0; d < hidden; d++) {
          pooled[d] += states.get(k * hidden + d);
        }
      }
      for (int d = 0; d < hidden; d++) {
        pooled[d] /= t;
      }
      return pooled;
    } catch (OrtException e) {
      throw new ModelException("the encoder failed: " + e.getMessage(), e);
    }
  }

  private Prediction predict(float[] pooled, Map<String, Double> ruleFeatures) {
    float[] x = Arrays.copyOf(pooled, hidden + features.size());
    for (int i = 0; i < features.size(); i++) {
      x[hidden + i] = ruleFeatures.getOrDefault(features.get(i), 0.0).floatValue();
    }
    return new Prediction(list(plover.apply(x)), list(acled.apply(x)), list(cameo.apply(x)));
  }

  private Head head(ModelFile m, String head, List<String> labels) {
    List<String> got = strings(m.header().path("labels").path(head));
    if (!got.equals(labels)) {
      throw new ModelException(
          "the model file "
              + m.origin()
              + " has "
              + head
              + " labels "
              + got
              + ", not "
              + labels
              + "; "
              + ModelFiles.REBUILD);
    }
    ModelFile.Tensor w = m.tensor("head." + head + ".weight");
    ModelFile.Tensor b = m.tensor("head." + head + ".bias");
    int in = hidden + features.size();
    if (w.shape().length != 2
        || w.shape()[0] != in
        || w.shape()[1] != labels.size()
        || b.size() != labels.size()) {
      throw new ModelException(
          "the model file "
              + m.origin()
              + ": head "
              + head
              + " has shape "
              + Arrays.toString(w.shape())
              + ", not ["
              + in
              + ", "
              + labels.size()
              + "]; "
              + ModelFiles.REBUILD);
    }
    return new Head(w.floats(), b.floats(), in, labels.size());
  }

  private static OnnxTensor tensor(OrtEnvironment env, ModelFile.Tensor t) throws OrtException {
    if (t.dtype().equals("float32")) {
      FloatBuffer f =
          ByteBuffer.allocateDirect((int) t.size() * 4)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
      f.put(t.floats()).flip();
      return OnnxTensor.createTensor(env, f, t.shape());
    }
    ByteBuffer b = ByteBuffer.allocateDirect((int) t.size());
    b.put(t.data().duplicate()).flip();
    return OnnxTensor.createTensor(env, b, t.shape(), OnnxJavaType.INT8);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<Double> list(double[] p) {
    List<Double> out = new ArrayList<>(p.length);
    for (double v : p) {
      out.add(v);
    }
    return out;
  }

  static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ModelException("cannot close the encoder: " + e.getMessage(), e);
    }
    overrides.forEach(OnnxTensor::close);
  }
}
