package org.annals.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.annals.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * Runs the fine-tuning script ({@code model/training/finetune.py}, packaged into this jar) with a
 * Python that has PyTorch and onnx. Thread-safe; each call is one training run.
 */
public final class Trainer {
  /** Training settings; the defaults are what the built-in model was trained with. */
  public record Settings(
      int epochs,
      double lr,
      double headLr,
      int batch,
      double featureDropout,
      int seed,
      int threads,
      int limit) {
    public static Settings defaults() {
      return new Settings(5, 8e-5, 2e-3, 16, 0.3, 13, 2, 0);
    }

    /** These settings with {@code n} epochs. */
    public Settings withEpochs(int n) {
      return new Settings(n, lr, headLr, batch, featureDropout, seed, threads, limit);
    }

    /** These settings with seed {@code n}. */
    public Settings withSeed(int n) {
      return new Settings(epochs, lr, headLr, batch, featureDropout, n, threads, limit);
    }

    /** These settings on the first {@code n} examples only (for tests). */
    public Settings withLimit(int n) {
      return new Settings(epochs, lr, headLr, batch, featureDropout, seed, threads, n);
    }

    List<String> args() {
      return List.of(
          "--epochs", Integer.toString(epochs),
          "--lr", Double.toString(lr),
          "--head-lr", Double.toString(headLr),
          "--batch", Integer.toString(batch),
          "--feature-dropout", Double.toString(featureDropout),
          "--seed", Integer.toString(seed),
          "--threads", Integer.toString(threads),
          "--limit", Integer.toString(limit));
    }
  }

  private static final String SCRIPT = "/annals/training/finetune.py";

  private final String python;
  private final Path work;

  private Trainer(String python, Path work) {
    this.python = python;
    this.work = work;
  }

  /**
   * A trainer using {@code python} (or, when null, the first of {@code python3} and {@code
   * /usr/bin/python3} that imports torch and onnx), with its scratch files in {@code work}.
   */
  public static Trainer find(@Nullable String python, Path work) {
    List<String> candidates =
        python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
    for (String p : candidates) {
      if (hasTorch(p)) {
        return new Trainer(p, work);
      }
    }
    throw new ModelException(
        "annals train needs Python 3 with PyTorch and onnx, and "
            + String.join(" and ", candidates)
            + (candidates.size() > 1 ? " have" : " has")
            + " not both; on Debian or Ubuntu: sudo apt-get install python3-torch python3-onnx libopenblas0-pthread"
            + " (or pass --python PATH)");
  }

  private static boolean hasTorch(String python) {
    try {
      Process p =
          new ProcessBuilder(python, "-c", "import torch, onnx")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The Python this trainer runs. */
  public String python() {
    return python;
  }

  /**
   * A digest of the script and settings: with the examples' digest, a trained model's cache key.
   */
  public String recipe(Settings s) {
    return Hashes.sha256Hex(
        new String(ModelFiles.resource(SCRIPT), StandardCharsets.UTF_8) + s.args(), 8);
  }

  /**
   * Trains on {@code export}'s examples (without fold {@code heldOut} of {@code folds}, when {@code
   * heldOut} ≥ 0) and writes the model to {@code out}; the script's progress lines go to {@code
   * progress}.
   */
  public ModelFile train(
      TrainingExport.Export export,
      Path out,
      int folds,
      int heldOut,
      Settings s,
      Consumer<String> progress) {
    try {
      Files.createDirectories(work);
      Path script = work.resolve("finetune.py");
      Files.write(script, ModelFiles.resource(SCRIPT));
      Path base = work.resolve("base.onnx");
      if (!Files.isRegularFile(base)
          || !Hashes.sha256Hex(Files.readAllBytes(base)).equals(ModelFiles.baseDigest())) {
        Files.write(base, ModelFiles.baseModel());
      }
      Path tmp = out.resolveSibling(out.getFileName() + ".partial");
      Files.createDirectories(tmp.toAbsolutePath().getParent());
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  python,
                  script.toString(),
                  "--examples",
                  export.examples().toString(),
                  "--header",
                  export.header().toString(),
                  "--base",
                  base.toString(),
                  "--out",
                  tmp.toString(),
                  "--folds",
                  Integer.toString(folds),
                  "--held-out",
                  Integer.toString(heldOut)));
      cmd.addAll(s.args());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      Deque<String> last = new ArrayDeque<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          progress.accept(line);
          last.addLast(line);
          if (last.size() > 8) {
            last.removeFirst();
          }
        }
      }
      int code = p.waitFor();
      if (code != 0) {
        throw new ModelException(
            String.format(
                Locale.ROOT,
                "training failed (%s exited with %d):%n%s",
                python,
                code,
                String.join(System.lineSeparator(), last)));
      }
      Files.move(
          tmp,
          out,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return ModelFile.read(out);
    } catch (IOException e) {
      throw new ModelException("training failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("training was interrupted", e);
    }
  }
}
