package org.annals.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.annals.Hashes;
import org.annals.classify.EventClassifier;
import org.annals.coding.Actor;
import org.annals.coding.EventCoder;
import org.annals.coding.EventMention;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.ActorRef;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.event.PlaceMention;
import org.annals.ingest.InputChecks;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.annals.lexicon.Lexicon;
import org.annals.merge.ArticleMerger;
import org.annals.merge.Draft;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Annotator;
import org.annals.nlp.Sentence;
import org.annals.nlp.SentenceSelector;
import org.annals.place.EventPlacer;
import org.annals.place.Gazetteer;
import org.annals.place.GeoPlace;
import org.annals.place.Geocoder;
import org.annals.place.Toponym;
import org.annals.text.CleanText;
import org.annals.text.Cleaner;
import org.annals.time.EventDate;
import org.annals.time.EventDater;

/**
 * The coding path for one article: clean → annotate (only the sentences the cheap trigger scan
 * selects get the expensive annotators) → code → date → place → merge the mentions of one
 * happening. Plain code, no reflection. Thread-safe: call {@link #process} from several threads.
 */
public final class Pipeline {
  /** Printed in every event's {@code coder} field. */
  public static final String CODER_VERSION = "annals-0.1.0";

  private final Cleaner cleaner;
  private final Annotator annotator;
  private final EventCoder coder;
  private final String coderVersion;
  private final String identity;
  private final @org.jspecify.annotations.Nullable EventClassifier classifier;
  private final EventDater dater;
  private final EventPlacer placer;
  private final @org.jspecify.annotations.Nullable Geocoder geocoder;
  private final ArticleMerger merger = new ArticleMerger();
  private final SentenceSelector selector;
  private final boolean analyseAll;

  public Pipeline(Lexicon lexicon, Annotator annotator, boolean analyseAll) {
    this(lexicon, annotator, analyseAll, null);
  }

  /** A pipeline whose coder explains each trigger decision to {@code explain}. */
  public Pipeline(
      Lexicon lexicon,
      Annotator annotator,
      boolean analyseAll,
      java.util.function.@org.jspecify.annotations.Nullable Consumer<String> explain) {
    this(lexicon, annotator, analyseAll, explain, true);
  }

  /**
   * As above; with {@code geocode} false, no place mentions are looked up (events fall back to the
   * article's main country), which is how {@code annals bench} measures geocoding's cost.
   */
  public Pipeline(
      Lexicon lexicon,
      Annotator annotator,
      boolean analyseAll,
      java.util.function.@org.jspecify.annotations.Nullable Consumer<String> explain,
      boolean geocode) {
    this(lexicon, annotator, analyseAll, explain, geocode, null);
  }

  /**
   * As above, with {@code classifier} deciding the event types beside the rules (null: the rules
   * alone, as {@code --coder rules}).
   */
  public Pipeline(
      Lexicon lexicon,
      Annotator annotator,
      boolean analyseAll,
      java.util.function.@org.jspecify.annotations.Nullable Consumer<String> explain,
      boolean geocode,
      @org.jspecify.annotations.Nullable EventClassifier classifier) {
    this.cleaner = new Cleaner(lexicon.boilerplate());
    this.annotator = annotator;
    this.coder = new EventCoder(lexicon, explain, classifier);
    this.classifier = classifier;
    this.coderVersion = coderVersion(classifier);
    this.identity = identity(lexicon, classifier);
    this.dater = new EventDater(lexicon.modality());
    this.geocoder = geocode ? new Geocoder(lexicon) : null;
    this.placer = new EventPlacer(lexicon, geocode ? geocoder.gazetteer() : Gazetteer.of(lexicon));
    this.analyseAll = analyseAll;
    SentenceSelector scan = words -> lexicon.mayTrigger(new java.util.HashSet<>(words));
    // With a classifier, the lead is read even without a trigger word: the model may code it.
    this.selector = classifier == null ? scan : scan.withLead();
  }

  /** What every event's {@code coder} field says: coder, lexicon and model versions. */
  public static String coderVersion(@org.jspecify.annotations.Nullable EventClassifier classifier) {
    return CODER_VERSION
        + "/"
        + Lexicon.VERSION
        + (classifier == null ? "" : "/" + classifier.describe());
  }

  /**
   * What a store records as the coder of an article: the {@link #coderVersion} and the lexicon's
   * content digest, so articles coded with an edited lexicon or another model differ. Cheap: loads
   * no NLP models.
   */
  public static String identity(
      Lexicon lexicon, @org.jspecify.annotations.Nullable EventClassifier classifier) {
    return coderVersion(classifier) + "; lexicon " + lexicon.digest();
  }

  /** This pipeline's {@link #identity(Lexicon, EventClassifier)}. */
  public String identity() {
    return identity;
  }

  /** Codes one article. Never throws for bad article content: the result carries the problem. */
  public ArticleResult process(RawArticle article) {
    try {
      var notEnglish = InputChecks.checkEnglish(article.origin(), article.text());
      if (notEnglish.isPresent()) {
        return ArticleResult.skipped(article, notEnglish.get());
      }
      CleanText clean = cleaner.clean(article.text());
      if (clean.text().isBlank()) {
        return ArticleResult.skipped(
            article,
            new InputProblem(
                article.origin(), "empty", "nothing is left after removing boilerplate"));
      }
      AnnotatedDocument doc =
          annotator.annotate(
              clean.text(), article.published(), analyseAll ? SentenceSelector.all() : selector);
      List<Toponym> toponyms = geocoder == null ? List.of() : geocoder.find(doc, article.url());
      List<CodedEvent> events = code(article, clean, doc, toponyms);
      int analysed = (int) doc.sentences().stream().filter(Sentence::analysed).count();
      return new ArticleResult(
          article,
          events,
          mentions(article, clean, toponyms),
          null,
          doc.sentences().size(),
          analysed);
    } catch (RuntimeException e) {
      if (Boolean.getBoolean("annals.trace")) {
        e.printStackTrace();
      }
      return ArticleResult.skipped(
          article,
          new InputProblem(
              article.origin(),
              "failed",
              "coding failed ("
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + "); please report this article"));
    }
  }

  /** The toponyms as printed: offsets into the original text, the place's location fields. */
  private static List<PlaceMention> mentions(
      RawArticle article, CleanText clean, List<Toponym> toponyms) {
    List<PlaceMention> out = new ArrayList<>(toponyms.size());
    for (Toponym t : toponyms) {
      int s = clean.toOriginalStart(t.start());
      int e = clean.toOriginalEnd(t.end());
      GeoPlace p = t.place();
      Location l = p == null ? Location.unknown() : EventPlacer.location(p);
      out.add(new PlaceMention(article.id(), shown(article, s, e), s, e, t.use(), l, t.rule()));
    }
    return out;
  }

  private List<CodedEvent> code(
      RawArticle article, CleanText clean, AnnotatedDocument doc, List<Toponym> toponyms) {
    String mainCountry = placer.mainCountry(doc, toponyms);
    List<EventMention> mentions = coder.code(doc, mainCountry, article.published());
    List<EventDate> dates = dater.date(doc, mentions, article.published());
    List<Draft> drafts = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      EventMention m = mentions.get(i);
      EventDate d = dates.get(i);
      if (d.date() != null
          && article.published() != null
          && d.date().isAfter(article.published().plusDays(1))) {
        if (!m.statement()) {
          continue; // a future date: planned, not happened
        }
        // A statement about the future was made on or before publication.
        d =
            new EventDate(
                article.published(),
                article.published(),
                "day",
                "publication",
                false,
                d.text(),
                "statement about " + d.text() + ": dated by publication");
      }
      drafts.add(new Draft(m, d, placer.place(doc, m, mainCountry, toponyms)));
    }
    List<CodedEvent> out = new ArrayList<>();
    for (List<Draft> group : merger.group(drafts)) {
      out.add(toEvent(article, clean, doc, group));
    }
    return out;
  }

  private CodedEvent toEvent(
      RawArticle article, CleanText clean, AnnotatedDocument doc, List<Draft> group) {
    Draft best =
        group.stream()
            .max(
                Comparator.comparingInt((Draft d) -> d.mention().priority())
                    .thenComparingInt(d -> score(d)))
            .orElseThrow();
    Draft dated =
        group.stream()
            .filter(d -> d.date().basis().equals("text"))
            .findFirst()
            .orElse(group.get(0));
    EventMention m = best.mention();
    Actor source = firstActor(group, true);
    Actor target = firstActor(group, false);
    Draft placed =
        group.stream()
            .max(Comparator.comparingInt((Draft d) -> precisionRank(d.place().location())))
            .orElseThrow();
    Location location = placed.place().location();
    Integer fatalities =
        group.stream()
            .map(d -> d.mention().fatalities())
            .filter(f -> f != null)
            .max(Integer::compare)
            .orElse(null);
    List<Evidence> evidence = new ArrayList<>();
    for (Draft d : group) {
      EventMention e = d.mention();
      Sentence s = doc.sentences().get(e.sentence());
      int ss = clean.toOriginalStart(s.start());
      int se = clean.toOriginalEnd(s.end());
      int ts = clean.toOriginalStart(e.triggerStart());
      int te = clean.toOriginalEnd(e.triggerEnd());
      evidence.add(
          new Evidence(
              article.id(),
              shown(article, ss, se),
              ss,
              se,
              shown(article, ts, te),
              ts,
              te,
              String.join("; ", e.rules())
                  + "; date "
                  + d.date().rule()
                  + "; "
                  + d.place().rule()));
    }
    EventDate date = dated.date();
    String id = id(article.id(), evidence.get(0).triggerStart(), m.plover());
    return new CodedEvent(
        id,
        article.id(),
        date.date() == null ? null : date.date().toString(),
        date.end() == null ? null : date.end().toString(),
        date.precision(),
        date.basis(),
        date.text(),
        date.background(),
        new CodedEvent.Plover(m.plover(), m.mode(), m.context()),
        m.cameo(),
        new CodedEvent.Acled(m.acledEvent(), m.acledSubEvent()),
        ref(article, clean, source),
        ref(article, clean, target),
        location,
        fatalities,
        confidence(group, source, target, date),
        evidence,
        coderVersion);
  }

  private static int score(Draft d) {
    return (d.mention().source() != null ? 2 : 0) + (d.mention().target() != null ? 1 : 0);
  }

  private static Actor firstActor(List<Draft> group, boolean source) {
    Actor best = null;
    int bestScore = -1;
    for (Draft d : group) {
      Actor a = source ? d.mention().source() : d.mention().target();
      if (a == null) {
        continue;
      }
      int s =
          (a.sector() != null ? 2 : 0) + (a.country() != null ? 1 : 0) + (a.name() != null ? 2 : 0);
      if (s > bestScore) {
        best = a;
        bestScore = s;
      }
    }
    return best;
  }

  private static ActorRef ref(RawArticle article, CleanText clean, Actor a) {
    if (a == null) {
      return null;
    }
    if (a.start() < 0) {
      return new ActorRef(a.text(), a.name(), a.country(), a.sector(), a.role(), null, null);
    }
    int s = clean.toOriginalStart(a.start());
    int e = clean.toOriginalEnd(a.end());
    return new ActorRef(shown(article, s, e), a.name(), a.country(), a.sector(), a.role(), s, e);
  }

  /**
   * The original text from {@code start} to {@code end} as written, with broken encodings repaired
   * and control characters dropped ({@link Cleaner#asWritten}).
   */
  private static String shown(RawArticle article, int start, int end) {
    return Cleaner.asWritten(article.text().substring(start, end));
  }

  /** Nothing, a bare name, then the gazetteer's order (continent … site). */
  private static int precisionRank(Location l) {
    if (l.precision() == null) {
      return l.name() == null ? 0 : 1;
    }
    return 1 + Gazetteer.precisionRank(l.precision());
  }

  private double confidence(List<Draft> group, Actor source, Actor target, EventDate date) {
    Double model =
        group.stream()
            .map(d -> d.mention().probability())
            .filter(java.util.Objects::nonNull)
            .max(Double::compare)
            .orElse(null);
    if (model != null) {
      // The classifier's calibrated probability that the type is right (see docs/accuracy.md).
      return Math.round(classifier.calibrate(model) * 100) / 100.0;
    }
    int priority = group.stream().mapToInt(d -> d.mention().priority()).max().orElse(1);
    double c = 0.35 + 0.03 * priority;
    c += source != null ? 0.15 : 0;
    c += target != null ? 0.08 : 0;
    c += date.basis().equals("text") ? 0.07 : 0;
    c += 0.05 * Math.min(3, group.size() - 1);
    int depth = group.stream().mapToInt(d -> d.mention().depth()).min().orElse(9);
    c += depth == 0 ? 0.06 : depth == 1 ? 0.03 : -0.03 * Math.min(3, depth - 1);
    c = Math.min(0.97, c);
    return Math.round(c * 100) / 100.0;
  }

  static String id(String articleId, int triggerStart, String type) {
    return Hashes.sha256Hex(articleId + "|" + triggerStart + "|" + type, 8);
  }
}
