package org.annals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.annals.classify.TrainingSets;
import org.annals.eval.Calibration;
import org.annals.lexicon.Lexicon;
import org.annals.model.ModelFile;
import org.annals.model.Trainer;
import org.annals.model.TrainingExport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals train}: rebuilds the event classifier from the labelled sets. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the trained event classifier (model/data/event-model.bin and its MODEL_CARD.md)"
          + " from the labelled development sets in ../shared/eval and the project's own"
          + " sentences (model/training/sentences.tsv): examples are made by the rules pipeline,"
          + " FOLDS models are trained each without one fold and score it (cross-validation, also"
          + " fitting the confidence calibration), then the final model is trained on everything.",
      "Needs Python 3 with PyTorch and onnx (Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread; without OpenBLAS training is some 30 times slower)."
          + " Fixed seeds: the same data and settings give the same weights."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--eval-dir",
      defaultValue = "../shared/eval",
      paramLabel = "DIR",
      description = "the labelled development sets (default ../shared/eval)")
  Path evalDir;

  @Option(
      names = "--sentences",
      defaultValue = "model/training/sentences.tsv",
      paramLabel = "FILE",
      description = "the project's own labelled sentences (default model/training/sentences.tsv)")
  Path sentences;

  @Option(
      names = "--corpora",
      paramLabel = "DIR",
      description =
          "also take sentences of the BBC corpus's sport, entertainment and technology articles in"
              + " DIR as examples of no event (off by default)")
  @Nullable Path corpora;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "model/data/event-model.bin",
      paramLabel = "FILE",
      description = "where to write the model (default model/data/event-model.bin)")
  Path out;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "cross-validation folds (default 5; 0 = train the final model only)")
  int folds;

  @Option(names = "--epochs", defaultValue = "5", description = "training epochs (default 5)")
  int epochs;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "train on the first N examples only (a quick check; 0 = all)")
  int limit;

  @Option(names = "--python", paramLabel = "PATH", description = "the Python to train with")
  @Nullable String python;

  @Option(
      names = "--work",
      defaultValue = "target/annals-train",
      paramLabel = "DIR",
      description =
          "scratch files and the fold models kept for 'eval --cv' (default target/annals-train)")
  Path work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintStream stdout;
  private final PrintStream err;

  TrainCommand(PrintStream out, PrintStream err) {
    this.stdout = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (folds == 1 || folds < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--folds must be 0 (no cross-validation) or at least 2, got " + folds);
    }
    if (!Files.isDirectory(evalDir)) {
      err.println(
          "annals: "
              + evalDir
              + ": no such directory; the labelled sets are in ../shared/eval"
              + " (pass --eval-dir DIR)");
      return 1;
    }
    Trainer.Settings settings = Trainer.Settings.defaults().withEpochs(epochs).withLimit(limit);
    Training training = new Training(Lexicon.builtIn(), work, python, settings, err);
    TrainingSets sets =
        training.read(evalDir, corpora, Files.isRegularFile(sentences) ? sentences : null);
    TrainingExport.Export export = training.export(sets, Math.max(folds, 2));
    Training.Report report = null;
    if (folds > 1) {
      report = training.crossValidate(export, folds, files(evalDir), false, stdout, null);
    }
    ModelFile model = training.trainAll(export);
    ObjectNode h = model.header();
    h.put("date", LocalDate.now(java.time.ZoneOffset.UTC).toString());
    h.put("commit", commit());
    h.put(
        "command",
        "./annals train"
            + (folds != 5 ? " --folds " + folds : "")
            + (epochs != 5 ? " --epochs " + epochs : "")
            + (corpora != null ? " --corpora " + corpora : ""));
    if (report != null) {
      ObjectNode cal = h.putObject("calibration");
      if (report.scaling() instanceof Calibration.Curve c) {
        cal.put(
            "method",
            "isotonic curve of the chosen type's probability, fitted on the held-out folds");
        var x = cal.putArray("x");
        var y = cal.putArray("y");
        for (int i = 0; i < c.x().length; i++) {
          x.add(Math.round(c.x()[i] * 1e6) / 1e6);
          y.add(Math.round(c.y()[i] * 1e6) / 1e6);
        }
      } else {
        cal.put(
            "method",
            "Platt scaling of the chosen type's probability, fitted on the held-out folds");
      }
      cal.put("a", report.platt().a());
      cal.put("b", report.platt().b());
      cal.put("ece_cross_fitted", report.ece());
      cal.put("ece_platt_cross_fitted", report.ecePlatt());
      cal.put("ece_isotonic_cross_fitted", report.eceIsotonic());
      cal.put("codings", report.calibrated());
      ObjectNode cv = h.putObject("cross_validation");
      cv.put("folds", folds);
      report
          .scores()
          .forEach(
              (set, s) -> {
                ObjectNode n = cv.putObject(set);
                s.forEach(n::put);
              });
    }
    ModelFile carded = model.withHeader(h);
    carded.write(out);
    Path card = out.resolveSibling("MODEL_CARD.md");
    write(card, ModelCard.markdown(carded.header(), report == null ? null : report.reliability()));
    err.printf(
        java.util.Locale.ROOT,
        "train: wrote %s (weights %s) and %s%n",
        out,
        carded.weightsDigest().substring(0, 16),
        card);
    return 0;
  }

  /** The gold files of the sets that are scored by cross-validation, where present. */
  static Map<String, Path> files(Path evalDir) {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("zsp", evalDir.resolve("plover-zsp-dev.jsonl"));
    files.put("plover", evalDir.resolve("plover-gsr-dev.jsonl"));
    files.put("case2021", evalDir.resolve("case2021-dev.tsv"));
    files.values().removeIf(p -> !Files.isRegularFile(p));
    return files;
  }

  private static String commit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
      String c = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && !c.isEmpty() ? c : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new org.annals.EventDataException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "-" : n.asText();
  }
}
