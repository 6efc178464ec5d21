package org.annals.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.annals.classify.Compat;
import org.annals.classify.Example;
import org.annals.classify.ExampleRecorder;
import org.annals.classify.LabelledRecord;
import org.annals.classify.TrainingSets;
import org.annals.eval.Calibration;
import org.annals.eval.Evaluations;
import org.annals.eval.Scores;
import org.annals.ingest.RawArticle;
import org.annals.lexicon.Lexicon;
import org.annals.model.ModelFile;
import org.annals.model.OnnxEventClassifier;
import org.annals.model.Trainer;
import org.annals.model.TrainingExport;
import org.annals.pipeline.Pipeline;
import org.jspecify.annotations.Nullable;

/**
 * What {@code annals train} and {@code annals eval --cv} share: the labelled sets turned into
 * examples by the rules pipeline itself, fold models trained (and kept, keyed by the examples and
 * the recipe, so a second run reuses them), and every labelled set scored with each record coded by
 * the model of the fold that did not see it.
 */
final class Training {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The cross-validated scores, calibration and reliability of one run: {@code scaling} is the
   * calibration chosen (the one with the lower cross-fitted ECE, the isotonic curve on a tie),
   * fitted on every held-out coding; {@link #ece}, {@code eceBySet} and {@code reliability} are its
   * cross-fitted figures; {@code platt} is the Platt fit on every held-out coding, with its
   * cross-fitted ECE {@code ecePlatt} beside the curve's {@code eceIsotonic}.
   */
  record Report(
      Map<String, Map<String, Double>> scores,
      Calibration.Scaling scaling,
      Calibration.Fit platt,
      double ecePlatt,
      double eceIsotonic,
      Map<String, Double> eceBySet,
      List<String> reliability,
      int calibrated) {
    /** The cross-fitted ECE of the calibration chosen. */
    double ece() {
      return scaling instanceof Calibration.Curve ? eceIsotonic : ecePlatt;
    }
  }

  private final Lexicon lexicon;
  private final Path work;
  private final Trainer trainer;
  private final Trainer.Settings settings;
  private final PrintStream err;

  Training(
      Lexicon lexicon,
      Path work,
      @Nullable String python,
      Trainer.Settings settings,
      PrintStream err) {
    this.lexicon = lexicon;
    this.work = work;
    this.trainer = Trainer.find(python, work);
    this.settings = settings;
    this.err = err;
  }

  TrainingSets read(Path evalDir, @Nullable Path corpora, @Nullable Path sentences) {
    TrainingSets sets = TrainingSets.read(Compat.of(lexicon), evalDir, corpora, sentences);
    for (TrainingSets.DataSet d : sets.sets()) {
      err.printf(Locale.ROOT, "train: %s: %d records (%s)%n", d.name(), d.records(), d.file());
    }
    return sets;
  }

  /**
   * Writes the examples: each record coded by the rules pipeline, its sentences' features joined.
   */
  TrainingExport.Export export(TrainingSets sets, int folds) {
    ExampleRecorder recorder = new ExampleRecorder();
    Pipeline rules = Runner.pipeline(lexicon, true, null, true, recorder);
    List<LabelledRecord> records = sets.records();
    Map<LabelledRecord, Example> examples = new IdentityHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Example>> futures = new ArrayList<>();
      for (LabelledRecord r : records) {
        futures.add(pool.submit(() -> featurize(rules, recorder, r)));
      }
      for (int i = 0; i < records.size(); i++) {
        examples.put(records.get(i), futures.get(i).get());
        if ((i + 1) % 500 == 0) {
          err.printf(
              Locale.ROOT, "train: %d of %d records coded by the rules%n", i + 1, records.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("coding a training record failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
    ObjectNode card = JSON.createObjectNode();
    card.put("name", "annals-event-model");
    ArrayNode data = card.putArray("data");
    for (TrainingSets.DataSet d : sets.sets()) {
      ObjectNode n = data.addObject();
      n.put("name", d.name());
      n.put("file", d.file());
      n.put("sha256", d.sha256());
      n.put("records", d.records());
    }
    TrainingExport.Export export =
        TrainingExport.write(records, examples::get, folds, work.resolve("examples"), card);
    err.printf(
        Locale.ROOT, "train: %d examples written (%s)%n", export.records(), export.examples());
    return export;
  }

  private static Example featurize(Pipeline rules, ExampleRecorder recorder, LabelledRecord r) {
    rules.process(new RawArticle(r.id(), null, r.text(), null, null, null, r.set() + "#" + r.id()));
    List<Example> seen = recorder.take();
    if (seen.isEmpty()) {
      return new Example(r.text(), Map.of());
    }
    Example out = seen.get(0);
    StringBuilder text = new StringBuilder(out.text());
    for (int i = 1; i < seen.size(); i++) {
      text.append(' ').append(seen.get(i).text());
      out = out.union(seen.get(i), text.toString());
    }
    return new Example(text.toString(), out.features());
  }

  /** Where the models of these examples and this recipe are kept. */
  private Path kept(TrainingExport.Export export) {
    return work.resolve("cv-" + export.digest().substring(0, 12) + "-" + trainer.recipe(settings));
  }

  /** The model trained without fold {@code k} of {@code folds} (trained now unless kept). */
  Path foldModel(TrainingExport.Export export, int folds, int k) {
    Path file = kept(export).resolve(String.format(Locale.ROOT, "fold-%d-of-%d.bin", k, folds));
    if (Files.isRegularFile(file)) {
      err.println("train: fold " + k + ": kept model " + file);
      return file;
    }
    err.printf(
        Locale.ROOT,
        "train: fold %d of %d: training without it (%s)%n",
        k,
        folds,
        trainer.python());
    trainer.train(export, file, folds, k, settings, line -> err.println("  " + line));
    return file;
  }

  /** The model trained on every example (trained now unless kept). */
  ModelFile trainAll(TrainingExport.Export export) {
    Path file = kept(export).resolve("all.bin");
    if (Files.isRegularFile(file)) {
      err.println("train: the final model: kept model " + file);
      return ModelFile.read(file);
    }
    err.println("train: the final model, on every example (" + trainer.python() + ")");
    return trainer.train(export, file, 0, -1, settings, line -> err.println("  " + line));
  }

  /**
   * Scores {@code files} (set name → gold file) with every record coded by the model of its
   * held-out fold; prints each set's scores to {@code out}. Unless {@code everySentence}, only the
   * sentences the trigger scan lets through are analysed, as {@code annals code} does. Records
   * coded wrongly are written to {@code errors} when it is not null.
   */
  Report crossValidate(
      TrainingExport.Export export,
      int folds,
      Map<String, Path> files,
      boolean everySentence,
      PrintStream out,
      @Nullable PrintStream errors) {
    Pipeline[] pipelines = new Pipeline[folds];
    for (int k = 0; k < folds; k++) {
      pipelines[k] =
          Runner.pipeline(
              lexicon,
              everySentence,
              null,
              true,
              OnnxEventClassifier.load(foldModel(export, folds, k)));
    }
    Evaluations eval =
        new Evaluations(
            a -> pipelines[LabelledRecord.fold(a.id(), folds)].process(a).events(), out, errors);
    Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
    Map<String, String> setOf = new LinkedHashMap<>();
    for (Map.Entry<String, Path> f : files.entrySet()) {
      int before = eval.outcomes().size();
      Map<String, Double> s = new LinkedHashMap<>();
      switch (f.getKey()) {
        case "plover" -> {
          Scores sc = eval.plover(f.getValue());
          s.put("accuracy", sc.accuracy());
          s.put("macro_f1", sc.macroF1(sc.goldLabels()));
        }
        case "zsp" -> {
          Scores sc = eval.zsp(f.getValue());
          s.put("accuracy", sc.accuracy());
          s.put("macro_f1", sc.macroF1(sc.goldLabels()));
        }
        case "case2021" -> {
          Scores sc = eval.case2021(f.getValue());
          var labels = new java.util.LinkedHashSet<>(Evaluations.CASE_TO_ACLED.keySet());
          s.put("weighted_f1_25", sc.weightedF1(labels));
          s.put("macro_f1_25", sc.macroF1(labels));
          s.put("accuracy_25", sc.accuracy());
        }
        default -> throw new IllegalArgumentException("no cross-validation for set " + f.getKey());
      }
      scores.put(f.getKey(), s);
      eval.outcomes()
          .subList(before, eval.outcomes().size())
          .forEach(o -> setOf.put(o.id(), f.getKey()));
    }
    // Platt fit and isotonic curve on every held-out coding; their ECE cross-fitted (each fold
    // scaled by the fit on the other folds).
    List<Evaluations.Outcome> coded =
        eval.outcomes().stream().filter(o -> o.confidence() > 0).toList();
    List<Calibration.Point> all = points(coded, o -> true);
    Map<String, List<Calibration.Point>> plattBySet = new LinkedHashMap<>();
    Map<String, List<Calibration.Point>> curveBySet = new LinkedHashMap<>();
    List<Calibration.Point> platt = crossFitted(coded, folds, setOf, Calibration::fit, plattBySet);
    List<Calibration.Point> curve =
        crossFitted(coded, folds, setOf, Calibration::isotonic, curveBySet);
    double ecePlatt = Calibration.ece(platt, 10);
    double eceCurve = Calibration.ece(curve, 10);
    boolean isotonic = eceCurve <= ecePlatt;
    List<Calibration.Point> chosen = isotonic ? curve : platt;
    Map<String, Double> eceBySet = new LinkedHashMap<>();
    (isotonic ? curveBySet : plattBySet)
        .forEach((set, pts) -> eceBySet.put(set, Calibration.ece(pts, 10)));
    out.printf(
        Locale.ROOT,
        "calibration: %d held-out codings, ECE %.3f raw, %.3f after Platt scaling, %.3f after an"
            + " isotonic curve (both cross-fitted); %s chosen, by set %s%n",
        chosen.size(),
        Calibration.ece(all, 10),
        ecePlatt,
        eceCurve,
        isotonic ? "the curve" : "Platt scaling",
        eceBySet);
    List<String> table = Calibration.table(chosen, 10);
    table.forEach(out::println);
    Calibration.Fit plattAll = Calibration.fit(all);
    return new Report(
        scores,
        isotonic ? Calibration.isotonic(all) : plattAll,
        plattAll,
        ecePlatt,
        eceCurve,
        eceBySet,
        table,
        chosen.size());
  }

  /**
   * Each fold's codings scaled by {@code fitter} fitted on the other folds' codings, also collected
   * by set into {@code bySet}.
   */
  private static List<Calibration.Point> crossFitted(
      List<Evaluations.Outcome> coded,
      int folds,
      Map<String, String> setOf,
      java.util.function.Function<List<Calibration.Point>, Calibration.Scaling> fitter,
      Map<String, List<Calibration.Point>> bySet) {
    List<Calibration.Point> out = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      int fold = k;
      Calibration.Scaling fit =
          fitter.apply(points(coded, o -> LabelledRecord.fold(o.id(), folds) != fold));
      for (Evaluations.Outcome o : coded) {
        if (LabelledRecord.fold(o.id(), folds) == fold) {
          Calibration.Point p = new Calibration.Point(fit.apply(o.confidence()), o.correct());
          out.add(p);
          bySet.computeIfAbsent(setOf.get(o.id()), x -> new ArrayList<>()).add(p);
        }
      }
    }
    return out;
  }

  private static List<Calibration.Point> points(
      List<Evaluations.Outcome> outcomes, java.util.function.Predicate<Evaluations.Outcome> keep) {
    List<Calibration.Point> out = new ArrayList<>();
    for (Evaluations.Outcome o : outcomes) {
      if (keep.test(o)) {
        out.add(new Calibration.Point(o.confidence(), o.correct()));
      }
    }
    return out;
  }
}
