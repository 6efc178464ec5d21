package org.annals.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Sentence;
import org.annals.nlp.SentenceSelector;
import org.annals.nlp.TimeMention;
import org.annals.nlp.Token;
import org.junit.jupiter.api.Test;

final class CoreNlpAnnotatorTest {
  private static final CoreNlpAnnotator NLP = CoreNlpAnnotator.create();
  private static final String TEXT =
      "The markets were calm.\n\nRebels attacked the town on Monday, officials said.";

  @Test
  void annotate_onlySelectedSentencesAreAnalysed() {
    AnnotatedDocument doc =
        NLP.annotate(TEXT, LocalDate.of(2022, 8, 29), words -> words.contains("attacked"));
    assertThat(doc.sentences()).hasSize(2);
    Sentence calm = doc.sentences().get(0);
    Sentence attack = doc.sentences().get(1);
    assertThat(calm.analysed()).isFalse();
    assertThat(calm.tokens()).allSatisfy(t -> assertThat(t.lemma()).isNull());
    assertThat(attack.analysed()).isTrue();
    assertThat(attack.tokens().get(1).lemma()).isEqualTo("attack");
    assertThat(attack.tokens().get(1).pos()).startsWith("VB");
    assertThat(attack.dependencies()).anySatisfy(d -> assertThat(d.relation()).isEqualTo("nsubj"));
  }

  @Test
  void annotate_offsetsPointIntoTheText() {
    AnnotatedDocument doc = NLP.annotate(TEXT, null, SentenceSelector.all());
    for (Sentence s : doc.sentences()) {
      for (Token t : s.tokens()) {
        assertThat(TEXT.substring(t.start(), t.end())).isEqualTo(t.word());
      }
    }
  }

  @Test
  void annotate_weekdayIsResolvedAgainstTheDocumentDate() {
    TimeMention monday =
        NLP.annotate(TEXT, LocalDate.of(2022, 8, 29), SentenceSelector.all())
            .sentences()
            .get(1)
            .times()
            .get(0);
    assertThat(monday.text()).isEqualTo("Monday");
    assertThat(monday.value()).isEqualTo("2022-08-29");
  }

  @Test
  void annotate_withoutDocumentDate_weekdayStaysRelative() {
    TimeMention monday =
        NLP.annotate(TEXT, null, SentenceSelector.all()).sentences().get(1).times().get(0);
    assertThat(monday.value()).contains("X");
  }

  @Test
  void annotate_namedEntitiesAreGrouped() {
    AnnotatedDocument doc =
        NLP.annotate("Muqtada al-Sadr met officials in Baghdad.", null, SentenceSelector.all());
    assertThat(doc.sentences().get(0).entities())
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("LOCATION");
              assertThat(e.text()).isEqualTo("Baghdad");
            });
  }
}
