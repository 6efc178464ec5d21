package org.annals.nlp.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeAnnotator;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Annotator;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.SentenceSelector;
import org.annals.nlp.TimeMention;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Annotates with Stanford CoreNLP in two passes: a cheap one (tokenize, ssplit) over the whole
 * text, then the expensive annotators (pos, lemma, coarse 3-class NER, neural dependency parser)
 * over only the sentences the selector chooses, and SUTime over those of them that contain a time
 * cue. Fine-grained NER, the constituency parser and coreference are never loaded. Thread-safe.
 */
public final class CoreNlpAnnotator implements Annotator {
  private final StanfordCoreNLP light;
  private final StanfordCoreNLP heavy;
  private final TimeAnnotator time;
  private final Set<String> timeCues;

  private CoreNlpAnnotator(
      StanfordCoreNLP light, StanfordCoreNLP heavy, TimeAnnotator time, Set<String> timeCues) {
    this.light = light;
    this.heavy = heavy;
    this.time = time;
    this.timeCues = timeCues;
  }

  /** Loads the models (a few seconds); share the instance. */
  public static CoreNlpAnnotator create() {
    // CoreNLP's own logging would print a line per model loaded; Annals reports its own progress.
    edu.stanford.nlp.util.logging.RedwoodConfiguration.current().clear().apply();
    Properties lp = new Properties();
    lp.setProperty("annotators", "tokenize,ssplit");
    lp.setProperty("tokenize.language", "en");
    lp.setProperty("ssplit.newlineIsSentenceBreak", "two");
    lp.setProperty(
        "tokenize.options", "untokenizable=noneKeep,ptb3Escaping=false,splitHyphenated=false");
    Properties hp = new Properties();
    hp.setProperty("annotators", "pos,lemma,ner,depparse");
    hp.setProperty(
        "ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
    hp.setProperty("ner.applyFineGrained", "false");
    hp.setProperty("ner.buildEntityMentions", "false");
    // The parser caches hidden-layer products of features outside its precomputed set; the default
    // 5,000 entries churn on news text, and inserting into the LRU cache dominated the parse time.
    hp.setProperty("depparse.numCached", "100000");
    // SUTime runs separately, only on sentences with a time cue (see time-cues.txt).
    hp.setProperty("ner.useSUTime", "false");
    hp.setProperty("ner.applyNumericClassifiers", "false");
    Properties tp = new Properties();
    tp.setProperty("sutime.includeRange", "true");
    return new CoreNlpAnnotator(
        new StanfordCoreNLP(lp),
        new StanfordCoreNLP(hp, false),
        new TimeAnnotator("sutime", tp),
        loadTimeCues());
  }

  private static Set<String> loadTimeCues() {
    try (var in = CoreNlpAnnotator.class.getResourceAsStream("/annals/nlp/time-cues.txt")) {
      if (in == null) {
        throw new IllegalStateException(
            "time-cues.txt is missing from the annals-nlp jar; rebuild");
      }
      Set<String> cues = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          cues.add(w);
        }
      }
      return cues;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read time-cues.txt", e);
    }
  }

  /** Year (1999, 1990s), clock time (7pm, 19:00) or numeric date (12/03/2020, 2020-03-12). */
  private static final java.util.regex.Pattern TIME_LIKE =
      java.util.regex.Pattern.compile(
          "(1[89]|20)\\d\\d('?s)?|\\d{1,2}(:\\d\\d)?(am|pm|a\\.m\\.|p\\.m\\.)?|\\d{1,4}[/.-]\\d{1,2}([/.-]\\d{1,4})?",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private boolean mayHaveTime(List<CoreLabel> tokens) {
    for (int k = 0; k < tokens.size(); k++) {
      String w = tokens.get(k).word();
      if (timeCues.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (!w.isEmpty()
          && Character.isDigit(w.charAt(0))
          && TIME_LIKE.matcher(w).matches()
          && (w.length() >= 4
              || w.contains(":")
              || Character.isLetter(w.charAt(w.length() - 1))
              || (k + 1 < tokens.size() && isClockWord(tokens.get(k + 1).word())))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClockWord(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("am")
        || l.equals("pm")
        || l.equals("a.m.")
        || l.equals("p.m.")
        || l.equals("gmt")
        || l.equals("bst")
        || l.equals("utc")
        || l.equals("o'clock");
  }

  /** Runs SUTime on one analysed sentence; returns its time expressions (token-indexed). */
  private List<TimeMention> timesOf(String text, CoreMap sentence, @Nullable LocalDate date) {
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    if (!mayHaveTime(tokens)) {
      return List.of();
    }
    CoreMap single = new ArrayCoreMap(sentence);
    single.set(CoreAnnotations.SentenceIndexAnnotation.class, 0);
    single.set(CoreAnnotations.TokenBeginAnnotation.class, 0);
    single.set(CoreAnnotations.TokenEndAnnotation.class, tokens.size());
    Annotation one = new Annotation(text);
    one.set(CoreAnnotations.TokensAnnotation.class, tokens);
    one.set(CoreAnnotations.SentencesAnnotation.class, List.of(single));
    if (date != null) {
      one.set(CoreAnnotations.DocDateAnnotation.class, date.toString());
    }
    time.annotate(one);
    List<CoreMap> found = single.get(TimeAnnotations.TimexAnnotations.class);
    if (found == null) {
      return List.of();
    }
    List<TimeMention> out = new ArrayList<>();
    for (CoreMap cm : found) {
      Timex t = cm.get(TimeAnnotations.TimexAnnotation.class);
      List<CoreLabel> span = cm.get(CoreAnnotations.TokensAnnotation.class);
      if (t == null || span == null || span.isEmpty()) {
        continue;
      }
      int from = span.get(0).index() - 1;
      int to = span.get(span.size() - 1).index();
      if (from < 0 || to > tokens.size() || from >= to) {
        continue;
      }
      out.add(
          new TimeMention(
              from,
              to,
              join(tokens, from, to),
              t.timexType(),
              t.value() != null ? t.value() : t.altVal()));
    }
    return out;
  }

  @Override
  public AnnotatedDocument annotate(
      String text, @Nullable LocalDate documentDate, SentenceSelector selector) {
    Annotation doc = new Annotation(text);
    light.annotate(doc);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    List<CoreMap> chosen = new ArrayList<>();
    List<Integer> chosenIndex = new ArrayList<>();
    boolean[] selected = new boolean[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      List<CoreLabel> toks = sentences.get(i).get(CoreAnnotations.TokensAnnotation.class);
      List<String> words = new ArrayList<>(toks.size());
      for (CoreLabel t : toks) {
        words.add(t.word().toLowerCase(Locale.ROOT));
      }
      if (!toks.isEmpty() && toks.size() <= 150 && selector.needsAnalysis(i, words)) {
        selected[i] = true;
        chosen.add(sentences.get(i));
        chosenIndex.add(i);
      }
    }
    CoreMap[] analysed = new CoreMap[sentences.size()];
    if (!chosen.isEmpty()) {
      // subDocument replaces each chosen sentence by the renumbered copy that gets annotated.
      heavy.annotate(subDocument(text, chosen, documentDate));
      for (int k = 0; k < chosen.size(); k++) {
        analysed[chosenIndex.get(k)] = chosen.get(k);
      }
    }
    List<Sentence> out = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      List<TimeMention> times = selected[i] ? timesOf(text, analysed[i], documentDate) : List.of();
      out.add(convert(i, selected[i] ? analysed[i] : sentences.get(i), selected[i], times));
    }
    return new AnnotatedDocument(text, out);
  }

  /** An annotation holding only the chosen sentences, renumbered, sharing their tokens. */
  private static Annotation subDocument(
      String text, List<CoreMap> chosen, @Nullable LocalDate date) {
    Annotation sub = new Annotation(text);
    List<CoreLabel> tokens = new ArrayList<>();
    List<CoreMap> sents = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      CoreMap orig = chosen.get(i);
      List<CoreLabel> st = orig.get(CoreAnnotations.TokensAnnotation.class);
      CoreMap copy = new ArrayCoreMap(orig);
      copy.set(CoreAnnotations.SentenceIndexAnnotation.class, i);
      copy.set(CoreAnnotations.TokenBeginAnnotation.class, tokens.size());
      copy.set(CoreAnnotations.TokenEndAnnotation.class, tokens.size() + st.size());
      for (CoreLabel t : st) {
        t.setSentIndex(i);
      }
      tokens.addAll(st);
      sents.add(copy);
      chosen.set(i, copy);
    }
    sub.set(CoreAnnotations.TokensAnnotation.class, tokens);
    sub.set(CoreAnnotations.SentencesAnnotation.class, sents);
    if (date != null) {
      sub.set(CoreAnnotations.DocDateAnnotation.class, date.toString());
    }
    return sub;
  }

  private static Sentence convert(int index, CoreMap s, boolean analysed, List<TimeMention> times) {
    List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
    boolean[] inTime = new boolean[labels.size()];
    for (TimeMention t : times) {
      for (int k = t.tokenStart(); k < t.tokenEnd(); k++) {
        inTime[k] = true;
      }
    }
    List<Token> tokens = new ArrayList<>(labels.size());
    for (int k = 0; k < labels.size(); k++) {
      CoreLabel l = labels.get(k);
      String ner = analysed ? l.ner() : null;
      if (inTime[k] && (ner == null || ner.equals("O"))) {
        ner = "DATE";
      }
      tokens.add(
          new Token(
              l.word(),
              analysed ? l.lemma() : null,
              analysed ? l.tag() : null,
              ner,
              l.beginPosition(),
              l.endPosition()));
    }
    int start = labels.isEmpty() ? 0 : labels.get(0).beginPosition();
    int end = labels.isEmpty() ? 0 : labels.get(labels.size() - 1).endPosition();
    if (!analysed) {
      return new Sentence(index, start, end, tokens, List.of(), List.of(), List.of(), false);
    }
    return new Sentence(index, start, end, tokens, dependencies(s), entities(labels), times, true);
  }

  private static List<Dependency> dependencies(CoreMap s) {
    SemanticGraph g =
        s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    if (g == null) {
      g = s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    }
    if (g == null) {
      return List.of();
    }
    List<Dependency> out = new ArrayList<>();
    for (IndexedWord root : g.getRoots()) {
      out.add(new Dependency(-1, root.index() - 1, "root"));
    }
    for (SemanticGraphEdge e : g.edgeIterable()) {
      if (e.getGovernor().copyCount() > 0 || e.getDependent().copyCount() > 0) {
        continue;
      }
      out.add(
          new Dependency(
              e.getGovernor().index() - 1,
              e.getDependent().index() - 1,
              e.getRelation().toString().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static List<EntityMention> entities(List<CoreLabel> labels) {
    List<EntityMention> out = new ArrayList<>();
    int i = 0;
    while (i < labels.size()) {
      String ner = labels.get(i).ner();
      if (ner == null
          || !(ner.equals("PERSON")
              || ner.equals("ORGANIZATION")
              || ner.equals("LOCATION")
              || ner.equals("MISC"))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < labels.size() && ner.equals(labels.get(j).ner())) {
        j++;
      }
      out.add(new EntityMention(i, j, ner, join(labels, i, j)));
      i = j;
    }
    return out;
  }

  private static String join(List<CoreLabel> labels, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (k > from && labels.get(k).beginPosition() > labels.get(k - 1).endPosition()) {
        b.append(' ');
      }
      b.append(
          labels.get(k).originalText() != null
              ? labels.get(k).originalText()
              : labels.get(k).word());
    }
    return b.toString();
  }
}
