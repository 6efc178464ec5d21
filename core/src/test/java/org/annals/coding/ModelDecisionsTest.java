package org.annals.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.annals.classify.EventClassifier;
import org.annals.classify.Example;
import org.annals.classify.ExampleRecorder;
import org.annals.classify.Labels;
import org.annals.classify.Prediction;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the classifier's probabilities and the rules decide a sentence together, on sentences built
 * by hand (subject, verb, object; no CoreNLP) and a classifier that returns fixed probabilities.
 */
final class ModelDecisionsTest {
  private static Lexicon lexicon;

  @BeforeAll
  static void load() {
    lexicon = Lexicon.builtIn();
  }

  /** "SUBJ VERB the OBJ ." with VERB the root, SUBJ its nsubj and OBJ its obj. */
  private static AnnotatedDocument svo(String subj, String verb, String lemma, String obj) {
    String[][] words = {
      {subj, subj.toLowerCase(java.util.Locale.ROOT), "NNS"},
      {verb, lemma, "VBD"},
      {"the", "the", "DT"},
      {obj, obj.toLowerCase(java.util.Locale.ROOT), "NNS"},
      {".", ".", "."}
    };
    List<Token> tokens = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String[] w : words) {
      if (text.length() > 0 && !w[0].equals(".")) {
        text.append(' ');
      }
      tokens.add(new Token(w[0], w[1], w[2], "O", text.length(), text.length() + w[0].length()));
      text.append(w[0]);
    }
    List<Dependency> deps =
        List.of(
            new Dependency(-1, 1, "root"),
            new Dependency(1, 0, "nsubj"),
            new Dependency(3, 2, "det"),
            new Dependency(1, 3, "obj"),
            new Dependency(1, 4, "punct"));
    Sentence s = new Sentence(0, 0, text.length(), tokens, deps, List.of(), List.of(), true);
    return new AnnotatedDocument(text.toString(), List.of(s));
  }

  /** A classifier that gives every sentence PLOVER {@code type} probability {@code p}. */
  private static EventClassifier saying(String type, double p, String acled, double pAcled) {
    return examples -> {
      List<Prediction> out = new ArrayList<>();
      for (Example e : examples) {
        out.add(
            new Prediction(
                spread(Labels.PLOVER, type, p),
                spread(Labels.ACLED, acled, pAcled),
                spread(Labels.CAMEO, "04", 0.9)));
      }
      return out;
    };
  }

  private static List<Double> spread(List<String> labels, String label, double p) {
    Double[] out = new Double[labels.size()];
    Arrays.fill(out, (1 - p) / (labels.size() - 1));
    out[labels.indexOf(label)] = p;
    return Arrays.asList(out);
  }

  private static List<EventMention> code(AnnotatedDocument doc, EventClassifier c) {
    return new EventCoder(lexicon, null, c).code(doc, null);
  }

  @Test
  void noRuleMatch_confidentModel_codesTheMainVerbWithRuleActors() {
    AnnotatedDocument doc = svo("Ministers", "zorbled", "zorble", "delegates");

    List<EventMention> out = code(doc, saying("CONSULT", 0.9, "DIPLO", 0.9));

    assertThat(out).hasSize(1);
    EventMention e = out.get(0);
    assertThat(e.plover()).isEqualTo("CONSULT");
    assertThat(e.trigger()).isEqualTo("zorbled");
    assertThat(e.source().text()).isEqualTo("Ministers");
    assertThat(e.cameo()).isEqualTo("040");
    assertThat(e.acledSubEvent()).isNull();
    assertThat(e.probability()).isEqualTo(0.9);
    assertThat(String.join("; ", e.rules()))
        .contains("PLOVER=CONSULT p=0.90")
        .contains("no rule matched");
  }

  @Test
  void noRuleMatch_unsureModel_codesNothing() {
    AnnotatedDocument doc = svo("Ministers", "zorbled", "zorble", "delegates");

    assertThat(code(doc, saying("CONSULT", 0.5, "DIPLO", 0.9))).isEmpty();
  }

  @Test
  void ruleMatch_modelDisagrees_takesTheModelsTypeAndNamesTheRule() {
    AnnotatedDocument doc = svo("Rebels", "attacked", "attack", "soldiers");
    assertThat(new EventCoder(lexicon).code(doc, null))
        .extracting(EventMention::plover)
        .containsExactly("ASSAULT");

    List<EventMention> out = code(doc, saying("FIGHT", 0.8, "ARMED_CLASH", 0.8));

    assertThat(out).hasSize(1);
    EventMention e = out.get(0);
    assertThat(e.plover()).isEqualTo("FIGHT");
    assertThat(e.acledSubEvent()).isEqualTo("Armed clash");
    assertThat(e.acledEvent()).isEqualTo("Battles");
    assertThat(e.source().text()).isEqualTo("Rebels");
    assertThat(String.join("; ", e.rules()))
        .contains("PLOVER=FIGHT p=0.80")
        .containsPattern("rule triggers\\.tsv:\\d+ said ASSAULT");
  }

  @Test
  void ruleMatch_modelAgrees_keepsTheRuleCodesWithTheModelsProbability() {
    AnnotatedDocument doc = svo("Rebels", "attacked", "attack", "villagers");
    EventMention rule = new EventCoder(lexicon).code(doc, null).get(0);

    EventMention e = code(doc, saying("ASSAULT", 0.7, "NONE", 0.2)).get(0);

    assertThat(e.plover()).isEqualTo(rule.plover());
    assertThat(e.cameo()).isEqualTo(rule.cameo());
    assertThat(e.acledSubEvent()).isEqualTo(rule.acledSubEvent());
    assertThat(e.probability()).isEqualTo(0.7);
    assertThat(String.join("; ", e.rules())).contains("agrees with rule triggers.tsv:");
  }

  @Test
  void ruleProtest_modelSaysAssaultButARiot_staysAProtestAsPloverCodesRiots() {
    AnnotatedDocument doc = svo("Students", "stormed", "storm", "parliament");
    assertThat(new EventCoder(lexicon).code(doc, null))
        .extracting(EventMention::plover)
        .containsExactly("PROTEST");

    EventMention riot = code(doc, saying("ASSAULT", 0.8, "VIOL_DEMONSTR", 0.8)).get(0);
    EventMention attack = code(doc, saying("ASSAULT", 0.8, "ATTACK", 0.8)).get(0);

    assertThat(riot.plover()).isEqualTo("PROTEST");
    assertThat(riot.acledSubEvent()).isEqualTo("Violent demonstration");
    assertThat(String.join("; ", riot.rules())).contains("a riot: kept PROTEST");
    assertThat(attack.plover()).isEqualTo("ASSAULT");
    assertThat(attack.acledSubEvent()).isEqualTo("Attack");
  }

  @Test
  void ruleInvestigate_modelSaysDisapprove_staysAnInvestigation() {
    AnnotatedDocument doc = svo("Prosecutors", "investigated", "investigate", "ministers");
    assertThat(new EventCoder(lexicon).code(doc, null))
        .extracting(EventMention::plover)
        .containsExactly("INVESTIGATE");

    // Zero-Shot-PLOVER files investigations under ACCUSE, which trains DISAPPROVE
    EventMention kept = code(doc, saying("DISAPPROVE", 0.8, Labels.NONE, 0.8)).get(0);
    EventMention other = code(doc, saying("REJECT", 0.8, Labels.NONE, 0.8)).get(0);

    assertThat(kept.plover()).isEqualTo("INVESTIGATE");
    assertThat(String.join("; ", kept.rules())).contains("an investigation: kept INVESTIGATE");
    assertThat(other.plover()).isEqualTo("REJECT"); // other types still override the rule
  }

  @Test
  void ruleProtest_modelSaysAssaultWithNoAcledType_codesWithoutFailing() {
    AnnotatedDocument doc = svo("Students", "stormed", "storm", "parliament");
    List<EventMention> out = code(doc, saying("ASSAULT", 0.8, Labels.NONE, 0.8));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).plover()).isEqualTo("ASSAULT");
  }

  @Test
  void ruleMatch_modelUnsure_keepsTheRuleType() {
    AnnotatedDocument doc = svo("Rebels", "attacked", "attack", "soldiers");

    EventMention e = code(doc, saying("FIGHT", 0.3, "ARMED_CLASH", 0.3)).get(0);

    assertThat(e.plover()).isEqualTo("ASSAULT");
    assertThat(String.join("; ", e.rules())).contains("model unsure");
  }

  @Test
  void ruleMatch_modelSureThereIsNoEvent_dropsAGenericRuleClause() {
    AnnotatedDocument doc = svo("Rebels", "attacked", "attack", "soldiers");

    assertThat(code(doc, saying(Labels.NONE, 0.9, "NONE", 0.9))).isEmpty();
  }

  @Test
  void noOpinion_leavesTheRulesAlone() {
    AnnotatedDocument doc = svo("Rebels", "attacked", "attack", "soldiers");

    List<EventMention> rules = new EventCoder(lexicon).code(doc, null);
    List<EventMention> out = code(doc, new ExampleRecorder());

    assertThat(out).isEqualTo(rules);
  }

  @Test
  void recorder_seesTheSentenceAndTheRulesFindings() {
    AnnotatedDocument doc = svo("Rebels", "attacked", "attack", "soldiers");
    ExampleRecorder recorder = new ExampleRecorder();

    code(doc, recorder);
    List<Example> seen = recorder.take();

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).text()).isEqualTo("Rebels attacked the soldiers.");
    Map<String, Double> f = seen.get(0).features();
    assertThat(f)
        .containsEntry("trigger", 1.0)
        .containsEntry("source", 1.0)
        .containsKey("rule:ASSAULT");
    assertThat(recorder.take()).isEmpty();
  }
}
