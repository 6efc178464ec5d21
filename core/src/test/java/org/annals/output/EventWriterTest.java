package org.annals.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.annals.event.CodedEvent;
import org.junit.jupiter.api.Test;

final class EventWriterTest {
  private static CodedEvent event(String sentence) {
    return new CodedEvent(
        "abc",
        "a1",
        "2022-08-29",
        "2022-08-29",
        "day",
        "text",
        "Monday",
        false,
        new CodedEvent.Plover("PROTEST", "riot", List.of("political")),
        "145",
        new CodedEvent.Acled("Riots", "Violent demonstration"),
        new CodedEvent.ActorRef("protesters", null, "IRQ", "CVL", "protester", 10, 20),
        null,
        new CodedEvent.Location("Baghdad", "IRQ", null, null, null, "city", null),
        null,
        0.9,
        List.of(
            new CodedEvent.Evidence("a1", sentence, 0, sentence.length(), "stormed", 3, 10, "r")),
        "test");
  }

  private static String write(String format, CodedEvent e) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    EventWriter w = EventWriter.forFormat(format, new PrintStream(b, true, StandardCharsets.UTF_8));
    w.write(e);
    w.finish();
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonl_usesTheSchemaFieldNamesAndKeepsNulls() throws Exception {
    JsonNode n = EventWriter.JSON.readTree(write("jsonl", event("They stormed it.")));
    assertThat(n.get("date_precision").asText()).isEqualTo("day");
    assertThat(n.get("acled").get("sub_event_type").asText()).isEqualTo("Violent demonstration");
    assertThat(n.get("location").has("geonames_id")).isTrue();
    assertThat(n.get("target").isNull()).isTrue();
    assertThat(n.get("evidence").get(0).get("trigger_start").asInt()).isEqualTo(3);
  }

  @Test
  void csv_quotesCommasQuotesAndNewlines() {
    String csv = write("csv", event("They said \"no\", then\nleft."));
    String[] lines = csv.split("\n", 2);
    assertThat(lines[0].split(",")).hasSize(EventWriter.CSV_COLUMNS.size());
    assertThat(csv).contains("\"They said \"\"no\"\", then\nleft.\"");
  }

  @Test
  void csvCell_formulaTexts_getALeadingQuoteButNumbersStay() {
    assertThat(EventWriter.csvCell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(EventWriter.csvCell("+1 555 0100 call")).isEqualTo("'+1 555 0100 call");
    assertThat(EventWriter.csvCell("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
    assertThat(EventWriter.csvCell("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
    assertThat(EventWriter.csvCell("\tx")).isEqualTo("'\tx");
    assertThat(EventWriter.csvCell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(EventWriter.csvCell("-3.5")).isEqualTo("-3.5");
    assertThat(EventWriter.csvCell("+12")).isEqualTo("+12");
    assertThat(EventWriter.csvCell("-1.5E-4")).isEqualTo("-1.5E-4");
    assertThat(EventWriter.csvCell("Police = law")).isEqualTo("Police = law");
  }

  @Test
  void write_toAFailingStream_failsLoudlyAtTheLatestOnFinish() {
    var failing =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
              }
            },
            false,
            StandardCharsets.UTF_8);
    EventWriter w = EventWriter.forFormat("jsonl", failing);
    assertThatThrownBy(
            () -> {
              w.write(event("Police arrested two men."));
              w.finish();
            })
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("could not write");
  }

  @Test
  void unknownFormat_isRejectedWithTheChoices() {
    assertThatThrownBy(() -> EventWriter.forFormat("xml", System.out))
        .hasMessageContaining("jsonl, csv or table");
  }
}
