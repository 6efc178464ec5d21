package org.annals.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.annals.EventDataException;
import org.annals.classify.Labels;
import org.annals.event.CodedEvent;
import org.annals.ingest.RawArticle;

/**
 * Scores the coder on the development sets: PLOVER type accuracy and macro-F1 (plover-gsr), ACLED
 * sub-event weighted and macro F1 (CASE 2021), and source/target span P/R/F1 (CAMEO actors). The
 * coder is a function from an article to its events, so these are testable without NLP models.
 */
public final class Evaluations {
  /** The 25 ACLED sub-event types, as CASE 2021 codes, mapped to ACLED names. */
  public static final Map<String, String> CASE_TO_ACLED = Labels.CASE_TO_ACLED;

  /** The five CASE 2021 types outside ACLED. */
  public static final Set<String> NON_ACLED = Set.copyOf(Labels.NON_ACLED);

  private static final Set<String> DIPLOMATIC = Labels.DIPLOMATIC;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One scored record: its gold and predicted label and the confidence of the event that gave the
   * prediction (0 when there was none).
   */
  public record Outcome(String id, String gold, String predicted, double confidence) {
    public boolean correct() {
      return gold.equals(predicted);
    }
  }

  private final List<Outcome> outcomes = new ArrayList<>();
  private final Function<RawArticle, List<CodedEvent>> coder;
  private final PrintStream out;
  private final @org.jspecify.annotations.Nullable PrintStream errors;

  public Evaluations(Function<RawArticle, List<CodedEvent>> coder, PrintStream out) {
    this(coder, out, null);
  }

  /** Also lists every wrongly classified record to {@code errors} (for lexicon tuning). */
  public Evaluations(
      Function<RawArticle, List<CodedEvent>> coder,
      PrintStream out,
      @org.jspecify.annotations.Nullable PrintStream errors) {
    this.coder = coder;
    this.out = out;
    this.errors = errors;
  }

  private void error(
      String id, String gold, String predicted, String text, List<CodedEvent> events) {
    if (errors == null || gold.equals(predicted)) {
      return;
    }
    StringBuilder b = new StringBuilder();
    for (CodedEvent e : events) {
      b.append(" [")
          .append(e.plover().type())
          .append(' ')
          .append(e.evidence().get(0).trigger())
          .append(' ')
          .append(e.acled().subEventType())
          .append(' ')
          .append(e.confidence())
          .append(']');
    }
    errors.printf(
        Locale.ROOT,
        "%s\t%s -> %s\t%s\t%s%n",
        id,
        gold,
        predicted,
        text.length() > 300 ? text.substring(0, 300) : text,
        b);
  }

  /** Every record scored so far (PLOVER, ZSP, and CASE records of the 25 ACLED types), in order. */
  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /**
   * A snippet's lead sentence reports its event: events of earlier sentences first, then the more
   * confident, then the earlier trigger.
   */
  static final Comparator<CodedEvent> LEAD_FIRST =
      Comparator.comparingInt((CodedEvent e) -> leadSentence(e))
          .thenComparing(Comparator.comparingDouble(CodedEvent::confidence).reversed())
          .thenComparingInt(e -> e.evidence().get(0).triggerStart());

  private static int leadSentence(CodedEvent e) {
    return e.evidence().stream().mapToInt(CodedEvent.Evidence::start).min().orElse(0);
  }

  /** The event a single-sentence record is about: the most confident, then the earliest. */
  static Optional<CodedEvent> mainEvent(List<CodedEvent> events) {
    return events.stream()
        .max(
            Comparator.comparingDouble(CodedEvent::confidence)
                .thenComparingInt(e -> -e.evidence().get(0).triggerStart()));
  }

  /** PLOVER gold standard records: type accuracy, macro-F1, actor country/sector agreement. */
  public Scores plover(Path file) {
    Scores types = new Scores();
    int[] country = new int[2];
    int[] sector = new int[2];
    int n = 0;
    for (String line : lines(file)) {
      JsonNode r = parse(file, line);
      String gold = r.path("event").asText("");
      if (gold.isEmpty()) {
        continue;
      }
      String id = r.path("id").asText("plover-" + n);
      n++;
      List<CodedEvent> events = coder.apply(article(id, r.path("text").asText(""), file));
      Optional<CodedEvent> main = mainEvent(events);
      String predicted = main.map(e -> e.plover().type()).orElse("NONE");
      types.add(gold, predicted);
      outcomes.add(new Outcome(id, gold, predicted, main.map(CodedEvent::confidence).orElse(0.0)));
      error(id, gold, predicted, r.path("text").asText(""), events);
      if (main.isPresent()) {
        compareActor(r.path("source"), main.get().source(), country, sector);
        compareActor(r.path("target"), main.get().target(), country, sector);
      }
    }
    out.printf(Locale.ROOT, "plover: %s, %d records%n", file.getFileName(), types.total());
    out.printf(Locale.ROOT, "  PLOVER type accuracy  %.3f%n", types.accuracy());
    out.printf(Locale.ROOT, "  PLOVER type macro-F1  %.3f%n", types.macroF1(types.goldLabels()));
    out.printf(
        Locale.ROOT,
        "  actor country match   %.3f (%d of %d gold actors with a code)%n",
        ratio(country),
        country[0],
        country[1]);
    out.printf(
        Locale.ROOT,
        "  actor sector match    %.3f (%d of %d gold actors with a sector)%n",
        ratio(sector),
        sector[0],
        sector[1]);
    types.perClass().forEach(out::println);
    return types;
  }

  private static void compareActor(
      JsonNode gold, CodedEvent.ActorRef predicted, int[] country, int[] sector) {
    if (!gold.isArray() || gold.isEmpty()) {
      return;
    }
    Set<String> codes = new HashSet<>();
    Set<String> sectors = new HashSet<>();
    for (JsonNode a : gold) {
      if (!a.path("code").asText("").isEmpty()) {
        codes.add(a.path("code").asText());
      }
      if (!a.path("sector").asText("").isEmpty()) {
        sectors.add(a.path("sector").asText());
      }
    }
    if (!codes.isEmpty()) {
      country[1]++;
      if (predicted != null
          && (codes.contains(predicted.country()) || codes.contains(predicted.sector()))) {
        country[0]++;
      }
    }
    if (!sectors.isEmpty()) {
      sector[1]++;
      if (predicted != null && sectors.contains(predicted.sector())) {
        sector[0]++;
      }
    }
  }

  /**
   * Zero-Shot-PLOVER sentences: type accuracy and macro-F1 over its 15 types, each predicted type
   * named as that set names it (CONCEDE and RETREAT are YIELD, DISAPPROVE and INVESTIGATE are
   * ACCUSE, DEMAND is REQUEST, FIGHT is ASSAULT).
   */
  public Scores zsp(Path file) {
    Scores types = new Scores();
    for (String line : lines(file)) {
      JsonNode r = parse(file, line);
      String gold = r.path("event").asText("");
      if (gold.isEmpty()) {
        continue;
      }
      String id = r.path("id").asText("zsp-" + types.total());
      List<CodedEvent> events = coder.apply(article(id, r.path("text").asText(""), file));
      Optional<CodedEvent> main = mainEvent(events);
      String predicted = main.map(e -> Labels.zspName(e.plover().type())).orElse("NONE");
      types.add(gold, predicted);
      outcomes.add(new Outcome(id, gold, predicted, main.map(CodedEvent::confidence).orElse(0.0)));
      error(id, gold, predicted, r.path("text").asText(""), events);
    }
    out.printf(Locale.ROOT, "zsp: %s, %d sentences%n", file.getFileName(), types.total());
    out.printf(Locale.ROOT, "  PLOVER type accuracy  %.3f%n", types.accuracy());
    out.printf(Locale.ROOT, "  PLOVER type macro-F1  %.3f%n", types.macroF1(types.goldLabels()));
    types.perClass().forEach(out::println);
    return types;
  }

  /** CASE 2021 snippets: ACLED sub-event weighted and macro F1 on the 25 ACLED types and all 30. */
  public Scores case2021(Path file) {
    Scores all = new Scores();
    Scores acled = new Scores();
    Map<String, String> acledToCase = new java.util.HashMap<>();
    CASE_TO_ACLED.forEach((k, v) -> acledToCase.put(v, k));
    boolean header = true;
    for (String line : lines(file)) {
      if (header) {
        header = false;
        if (line.startsWith("id\t")) {
          continue;
        }
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 3) {
        continue;
      }
      String gold = cols[2].strip();
      List<CodedEvent> events = coder.apply(article("case-" + cols[0], cols[1], file));
      String predicted = classify(events, acledToCase);
      all.add(gold, predicted);
      if (CASE_TO_ACLED.containsKey(gold)) {
        outcomes.add(
            new Outcome(
                "case-" + cols[0],
                gold,
                predicted,
                events.stream()
                    .filter(e -> e.acled().subEventType() != null)
                    .mapToDouble(CodedEvent::confidence)
                    .max()
                    .orElse(0)));
      }
      error("case-" + cols[0], gold, predicted, cols[1], events);
      if (CASE_TO_ACLED.containsKey(gold)) {
        acled.add(gold, predicted);
      }
    }
    Set<String> labels25 = new LinkedHashSet<>(CASE_TO_ACLED.keySet());
    Set<String> labels30 = new LinkedHashSet<>(labels25);
    labels30.addAll(NON_ACLED);
    out.printf(
        Locale.ROOT,
        "case2021: %s, %d snippets (%d with one of the 25 ACLED types)%n",
        file.getFileName(),
        all.total(),
        acled.total());
    out.printf(
        Locale.ROOT,
        "  ACLED sub-event weighted F1, 25 ACLED types  %.3f%n",
        acled.weightedF1(labels25));
    out.printf(
        Locale.ROOT,
        "  ACLED sub-event macro F1,    25 ACLED types  %.3f%n",
        acled.macroF1(labels25));
    out.printf(
        Locale.ROOT,
        "  weighted F1, all 30 types                    %.3f%n",
        all.weightedF1(labels30));
    out.printf(
        Locale.ROOT,
        "  macro F1,    all 30 types                    %.3f%n",
        all.macroF1(labels30));
    out.printf(
        Locale.ROOT, "  accuracy,    25 ACLED types                  %.3f%n", acled.accuracy());
    all.perClass().forEach(out::println);
    return acled;
  }

  /**
   * The snippet's type: the ACLED sub-event of its most specific event; else DIPLO for a diplomatic
   * PLOVER event; else NONE.
   */
  static String classify(List<CodedEvent> events, Map<String, String> acledToCase) {
    CodedEvent best = null;
    for (CodedEvent e : events) {
      if (e.acled().subEventType() == null) {
        continue;
      }
      if (best == null || LEAD_FIRST.compare(e, best) < 0) {
        best = e;
      }
    }
    if (best != null) {
      return acledToCase.getOrDefault(best.acled().subEventType(), "NONE");
    }
    for (CodedEvent e : events) {
      if (DIPLOMATIC.contains(e.plover().type())) {
        return "DIPLO";
      }
    }
    return "NONE";
  }

  /** Gold and predicted actor spans of the CoNLL actor set: exact and overlap P/R/F1. */
  public double[] actors(Path file) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int overlapTp = 0;
    int sentences = 0;
    List<String[]> rows = new ArrayList<>();
    List<String> all = new ArrayList<>(lines(file));
    all.add("");
    for (String line : all) {
      if (!line.isBlank()) {
        String[] parts = line.split("\\s+");
        if (parts.length >= 2) {
          rows.add(parts);
        }
        continue;
      }
      if (rows.isEmpty()) {
        continue;
      }
      sentences++;
      StringBuilder text = new StringBuilder();
      int[] starts = new int[rows.size()];
      int[] ends = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(rows.get(i)[0]);
        ends[i] = text.length();
      }
      List<Span> gold = goldSpans(rows);
      List<Span> predicted = new ArrayList<>();
      Optional<CodedEvent> main =
          mainEvent(coder.apply(article("actors-" + sentences, text.toString(), file)));
      if (main.isPresent()) {
        addSpan(predicted, main.get().source(), "S", starts, ends);
        addSpan(predicted, main.get().target(), "T", starts, ends);
      }
      Set<Span> matched = new HashSet<>();
      for (Span p : predicted) {
        Span exact =
            gold.stream()
                .filter(
                    g -> g.from == p.from && g.to == p.to && roleOk(g, p) && !matched.contains(g))
                .findFirst()
                .orElse(null);
        if (exact != null) {
          tp++;
          overlapTp++;
          matched.add(exact);
          continue;
        }
        fp++;
        if (gold.stream().anyMatch(g -> g.from < p.to && p.from < g.to && roleOk(g, p))) {
          overlapTp++;
        }
      }
      fn += gold.size() - matched.size();
      rows.clear();
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    int predictedTotal = tp + fp;
    int goldTotal = tp + fn;
    double lp = predictedTotal == 0 ? 0 : (double) overlapTp / predictedTotal;
    double lr = goldTotal == 0 ? 0 : Math.min(1.0, (double) overlapTp / goldTotal);
    double lf = lp + lr == 0 ? 0 : 2 * lp * lr / (lp + lr);
    out.printf(
        Locale.ROOT,
        "actors: %s, %d sentences, %d gold spans, %d predicted%n",
        file.getFileName(),
        sentences,
        goldTotal,
        predictedTotal);
    out.printf(Locale.ROOT, "  exact span   P %.3f  R %.3f  F1 %.3f%n", p, r, f);
    out.printf(Locale.ROOT, "  overlapping  P %.3f  R %.3f  F1 %.3f%n", lp, lr, lf);
    return new double[] {p, r, f};
  }

  private record Span(int from, int to, String role) {}

  private static boolean roleOk(Span gold, Span predicted) {
    return gold.role.equals(predicted.role) || gold.role.equals("R");
  }

  private static List<Span> goldSpans(List<String[]> rows) {
    List<Span> out = new ArrayList<>();
    int start = -1;
    String role = null;
    for (int i = 0; i <= rows.size(); i++) {
      String tag = i < rows.size() ? rows.get(i)[rows.get(i).length - 1] : "O";
      boolean inside = tag.startsWith("I-") && role != null && tag.substring(2).equals(role);
      if (!inside && role != null) {
        out.add(new Span(start, i, role));
        role = null;
      }
      if (tag.startsWith("B-") || (tag.startsWith("I-") && role == null)) {
        start = i;
        role = tag.substring(2);
      }
    }
    return out;
  }

  private static void addSpan(
      List<Span> out, CodedEvent.ActorRef a, String role, int[] starts, int[] ends) {
    if (a == null || a.start() == null || a.end() == null) {
      return;
    }
    int from = -1;
    int to = -1;
    for (int i = 0; i < starts.length; i++) {
      if (ends[i] > a.start() && starts[i] < a.end()) {
        if (from < 0) {
          from = i;
        }
        to = i + 1;
      }
    }
    if (from >= 0) {
      out.add(new Span(from, to, role));
    }
  }

  private static RawArticle article(String id, String text, Path file) {
    return new RawArticle(id, null, text, null, null, null, file + "#" + id);
  }

  private static double ratio(int[] c) {
    return c[1] == 0 ? 0 : (double) c[0] / c[1];
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EventDataException(
          "cannot read "
              + file
              + ": "
              + e.getMessage()
              + "; check the path (the development sets are in ../shared/eval)");
    }
  }

  private static JsonNode parse(Path file, String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new EventDataException(file + ": a line is not JSON: " + e.getMessage());
    }
  }
}
