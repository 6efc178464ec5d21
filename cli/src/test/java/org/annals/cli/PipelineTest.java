package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.annals.event.CodedEvent;
import org.annals.ingest.RawArticle;
import org.annals.model.OnnxEventClassifier;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.annals.text.Cleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole coding path on short articles written for these tests. */
final class PipelineTest {
  private static final LocalDate MONDAY = LocalDate.of(2022, 8, 29);
  private static final Pipeline PIPELINE = Runner.pipeline(null, false);
  private static final Pipeline HYBRID =
      Runner.pipeline((java.nio.file.Path) null, false, null, true, OnnxEventClassifier.builtIn());

  private static List<CodedEvent> code(String coder, String text, LocalDate published) {
    ArticleResult r =
        (coder.equals("rules") ? PIPELINE : HYBRID)
            .process(new RawArticle("t", null, text, published, null, null, "test"));
    assertThat(r.problem()).isNull();
    return r.events();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules", "hybrid"})
  void shellingThatKills_isOneEventCarryingTheDead(String coder) {
    List<CodedEvent> events =
        code(
            coder,
            "Fighting\n\nRussian forces shelled Kharkiv on Tuesday, killing three civilians.",
            MONDAY);

    assertThat(events).as("%s", events).hasSize(1);
    assertThat(events.get(0).plover().type()).isIn("FIGHT", "ASSAULT");
    assertThat(events.get(0).acled().subEventType()).isEqualTo("Shelling/artillery/missile attack");
    assertThat(events.get(0).fatalities()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules", "hybrid"})
  void airStrikeThatKills_isOneEventCarryingTheDead(String coder) {
    List<CodedEvent> events =
        code(
            coder,
            "Strike\n\nAn air strike hit a crowded market in the town, killing 12 people.",
            MONDAY);

    assertThat(events).as("%s", events).hasSize(1);
    assertThat(events.get(0).acled().subEventType()).isEqualTo("Air/drone strike");
    assertThat(events.get(0).fatalities()).isEqualTo(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules", "hybrid"})
  void earthquakeThatKills_isNoPoliticalViolence(String coder) {
    List<CodedEvent> events =
        code(
            coder,
            "Quake\n\nA powerful earthquake killed ten people in the east of the country on"
                + " Monday.",
            MONDAY);

    assertThat(events)
        .as("%s", events)
        .noneMatch(
            e ->
                e.plover().type().equals("ASSAULT")
                    || e.plover().type().equals("FIGHT")
                    || "Attack".equals(e.acled().subEventType()));
  }

  private static List<CodedEvent> code(String text, LocalDate published) {
    ArticleResult r =
        PIPELINE.process(new RawArticle("t", null, text, published, null, null, "test"));
    assertThat(r.problem()).isNull();
    return r.events();
  }

  private static CodedEvent only(List<CodedEvent> events, String type) {
    List<CodedEvent> of = events.stream().filter(e -> e.plover().type().equals(type)).toList();
    assertThat(of).as("events of type %s in %s", type, events).hasSize(1);
    return of.get(0);
  }

  @Test
  void storming_isARiotDatedByTheWeekdayWithProtestersAsSource() {
    var events =
        code("Hundreds of protesters stormed the parliament in Baghdad on Monday.", MONDAY);
    CodedEvent e = only(events, "PROTEST");
    assertThat(e.plover().mode()).isEqualTo("riot");
    assertThat(e.cameo()).isEqualTo("145");
    assertThat(e.acled().subEventType()).isEqualTo("Violent demonstration");
    assertThat(e.date()).isEqualTo("2022-08-29");
    assertThat(e.datePrecision()).isEqualTo("day");
    assertThat(e.dateBasis()).isEqualTo("text");
    assertThat(e.background()).isFalse();
    assertThat(e.source().text()).contains("protesters");
    assertThat(e.source().sector()).isEqualTo("CVL");
    assertThat(e.location().name()).isEqualTo("Baghdad");
    assertThat(e.location().country()).isEqualTo("IRQ");
  }

  @Test
  void relativeDate_withoutPublicationDate_staysUnresolved() {
    CodedEvent e =
        only(code("Hundreds of protesters stormed the parliament on Monday.", null), "PROTEST");
    assertThat(e.date()).isNull();
    assertThat(e.dateBasis()).isEqualTo("unresolved");
    assertThat(e.dateText()).isEqualTo("Monday");
  }

  @Test
  void possessiveCountry_andForceAgainstProtesters() {
    CodedEvent e =
        only(code("Iraq's military opened fire on the protesters on Monday.", MONDAY), "ASSAULT");
    assertThat(e.source().country()).isEqualTo("IRQ");
    assertThat(e.source().sector()).isEqualTo("MIL");
    assertThat(e.target().role()).isEqualTo("protester");
    assertThat(e.acled().subEventType()).isEqualTo("Excessive force against protesters");
  }

  @Test
  void negatedClause_isNotCoded() {
    assertThat(code("The soldiers did not attack the village on Monday.", MONDAY)).isEmpty();
  }

  @Test
  void threatenedAttack_isOnlyAThreat() {
    var events = code("The rebels threatened to attack the army base in the north.", MONDAY);
    assertThat(events).extracting(e -> e.plover().type()).containsExactly("THREATEN");
  }

  @Test
  void futureMeasure_isAThreatNotAMeasure() {
    CodedEvent e =
        only(code("The government will impose a curfew in the capital.", MONDAY), "THREATEN");
    assertThat(e.plover().mode()).isEqualTo("curfew");
    assertThat(e.acled().subEventType()).isNull();
  }

  @Test
  void nationwideCurfew_isPlacedAtCountryLevel() {
    CodedEvent e =
        only(
            code(
                "Kenya's government imposed a nationwide curfew on Monday after riots in Nairobi"
                    + " and Mombasa. Kenyan police said the riots had ended.",
                MONDAY),
            "COERCE");
    assertThat(e.cameo()).isEqualTo("1723");
    assertThat(e.plover().mode()).isEqualTo("curfew");
    assertThat(e.location().precision()).isEqualTo("country");
    assertThat(e.location().country()).isEqualTo("KEN");
  }

  @Test
  void oldDate_isBackground() {
    CodedEvent e =
        only(code("Protesters first stormed the parliament on July 30.", MONDAY), "PROTEST");
    assertThat(e.date()).isEqualTo("2022-07-30");
    assertThat(e.background()).isTrue();
  }

  @Test
  void objectOfACharge_isNotDatedByThePublication_butTheChargeIs() {
    var events =
        code(
            "A man was charged with the murder of two farmers in Eldoret. Police arrested him at a"
                + " roadblock.",
            MONDAY);
    CodedEvent murder = only(events, "ASSAULT");
    assertThat(murder.date()).isNull(); // before the charge, on a day the text does not give
    assertThat(murder.dateBasis()).isEqualTo("none");
    assertThat(murder.background()).isTrue(); // the news is the charge
    assertThat(murder.evidence().get(0).rule()).contains("the object of 'charged with'");
    CodedEvent arrest = only(events, "COERCE");
    assertThat(arrest.date()).isEqualTo("2022-08-29"); // the charge and arrest are the news
  }

  @Test
  void history_isBackgroundAndNotDatedToPublication() {
    var events = code("The militia once fought government forces in the south.", MONDAY);
    assertThat(events)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.background()).isTrue();
              assertThat(e.date()).isNull();
            });
  }

  @Test
  void sameHappeningInTwoSentences_isOneEventWithTwoPiecesOfEvidence() {
    var events =
        code(
            "Protesters stormed the presidential palace in Colombo on Monday. The protesters"
                + " stormed the building after breaking through police lines.",
            MONDAY);
    CodedEvent e = only(events, "PROTEST");
    assertThat(e.evidence()).hasSize(2);
  }

  @Test
  void boilerplateLines_produceNoEvidence_andOffsetsPointIntoTheOriginal() {
    String text =
        "Rebels attacked an army convoy near Kidal on Monday, killing 12 soldiers.\n"
            + "Read more on Mali attacks\nSoldiers â€˜repelledâ€™ the rebels, the army said.\n";
    var events = code(text, MONDAY);
    assertThat(events).isNotEmpty();
    for (CodedEvent e : events) {
      for (CodedEvent.Evidence ev : e.evidence()) {
        assertThat(Cleaner.asWritten(text.substring(ev.start(), ev.end())))
            .isEqualTo(ev.sentence());
        assertThat(Cleaner.asWritten(text.substring(ev.triggerStart(), ev.triggerEnd())))
            .isEqualTo(ev.trigger());
        assertThat(ev.sentence()).doesNotContain("Read more").doesNotContain("â€");
      }
    }
    CodedEvent attack = events.get(0);
    assertThat(attack.fatalities()).isEqualTo(12);
    assertThat(attack.source().sector()).isEqualTo("REB");
  }

  @Test
  void sameArticleTwice_givesIdenticalEvents() {
    String text = "Police arrested 14 people at a protest outside the embassy in London on Monday.";
    assertThat(code(text, MONDAY)).isEqualTo(code(text, MONDAY));
  }

  @Test
  void nonEnglishArticle_isSkippedWithAReason() {
    ArticleResult r =
        PIPELINE.process(
            new RawArticle(
                "fr",
                null,
                "Les manifestants ont pris d'assaut le palais présidentiel lundi, selon la police, et des"
                    + " coups de feu ont été entendus dans la capitale.",
                MONDAY,
                null,
                null,
                "fr.txt"));
    assertThat(r.problem()).isNotNull();
    assertThat(r.problem().reason()).isEqualTo("not-english");
  }
}
