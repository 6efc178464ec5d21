package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faults found by trying Annals with hostile input, each end to end through {@link Main}. */
final class FaultsTest {
  private static final Path SAMPLE = Path.of("..", "samples", "nairobi-protest.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return run(new PrintStream(out, true, StandardCharsets.UTF_8), stdin, args);
  }

  private int run(PrintStream stdout, String stdin, String... args) {
    return Main.run(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        stdout,
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A stream whose every write fails, as on a full disk. */
  private static PrintStream full() {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  private Path store() {
    Path db = dir.resolve("a.duckdb");
    assertThat(
            run(
                "",
                "ingest",
                SAMPLE.toString(),
                "--db",
                db.toString(),
                "--published",
                "2024-06-25",
                "--coder",
                "rules"))
        .isZero();
    return db;
  }

  private List<JsonNode> jsonLines(String text) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void export_outputIsTheStoreOrItsLog_isRefusedAndTheStoreSurvives() throws IOException {
    Path db = store();
    long size = Files.size(db);
    for (String target : List.of(db.toString(), db + ".wal", dir.resolve(".") + "/a.duckdb")) {
      err.reset();
      assertThat(run("", "export", "--db", db.toString(), "--format", "csv", "-o", target))
          .isEqualTo(1);
      assertThat(err()).contains("would destroy the store").contains("choose another --output");
    }
    assertThat(Files.size(db)).isEqualTo(size);
    assertThat(run("", "export", "--db", db.toString(), "--format", "jsonl")).isZero();
    assertThat(jsonLines(out())).isNotEmpty();
  }

  @Test
  void export_writeErrors_exit1AndLeaveNoTruncatedFile() throws IOException {
    Path db = store();
    for (String format : List.of("csv", "jsonl", "geojson")) {
      err.reset();
      assertThat(run(full(), "", "export", "--db", db.toString(), "--format", format)).isEqualTo(1);
      assertThat(err()).contains("could not write").doesNotContain("exported");
    }
    if (Files.exists(Path.of("/dev/full"))) {
      for (String format : List.of("csv", "jsonl", "parquet")) {
        err.reset();
        assertThat(run("", "export", "--db", db.toString(), "--format", format, "-o", "/dev/full"))
            .as(format)
            .isEqualTo(1);
        assertThat(err()).contains("/dev/full").doesNotContain("exported");
      }
    }
    Path existing = dir.resolve("old.csv");
    Files.writeString(existing, "kept\n", StandardCharsets.UTF_8);
    assertThat(run("", "export", "--db", db.toString(), "--format", "csv", "-o", existing + "/x"))
        .isEqualTo(1);
    assertThat(Files.readString(existing, StandardCharsets.UTF_8)).isEqualTo("kept\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void code_outputFails_exits1WithAMessage() {
    assertThat(
            run(
                full(),
                "",
                "code",
                SAMPLE.toString(),
                "--published",
                "2024-06-25",
                "--coder",
                "rules"))
        .isEqualTo(1);
    assertThat(err()).contains("could not write").doesNotContain("article(s) coded");
  }

  @Test
  void csv_cellsThatASpreadsheetWouldRun_areNeutralised() throws IOException {
    String text = "=HYPERLINK(\"http://x\") Police arrested 20 protesters in Nairobi on Monday.";
    assertThat(
            run(
                text,
                "code",
                "-",
                "--format",
                "csv",
                "--published",
                "2024-06-25",
                "--coder",
                "rules"))
        .isZero();
    String csv = out();
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\") Police arrested");
    assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
  }

  @Test
  void code_badPublishedDate_isAWarningNotAlsoASkip() {
    String jsonl =
        "{\"id\":\"a\",\"published\":\"sometime\",\"text\":\"Police arrested two activists in"
            + " Lagos on 25 June 2024.\"}\n";
    assertThat(run(jsonl, "code", "-", "--coder", "rules")).isZero();
    assertThat(err()).contains("1 article(s) coded, 0 skipped, 1 warning(s)");
  }

  @Test
  void badOptionValues_areUsageErrorsWithTheReason() throws IOException {
    for (String n : List.of("0", "-3")) {
      err.reset();
      assertThat(run("", "code", SAMPLE.toString(), "--threads", n)).isEqualTo(2);
      assertThat(err()).contains("--threads must be between 1 and 256, got " + n);
    }
    Path db = store();
    err.reset();
    assertThat(run("", "export", "--db", db.toString(), "--format", "csv", "--country", "Kenya"))
        .isEqualTo(2);
    assertThat(err()).contains("'Kenya' is not an ISO 3166 alpha-3").contains("did you mean KEN?");
    err.reset();
    assertThat(run("", "export", "--db", db.toString(), "--format", "csv", "--type", "BOGUS"))
        .isEqualTo(2);
    assertThat(err()).contains("'BOGUS' is not a PLOVER type").contains("PROTEST");
    err.reset();
    assertThat(
            run(
                "",
                "export",
                "--db",
                db.toString(),
                "--format",
                "csv",
                "--from",
                "2024-02-01",
                "--to",
                "2024-01-01"))
        .isEqualTo(2);
    assertThat(err()).contains("--from 2024-02-01 is after --to 2024-01-01");
    out.reset();
    assertThat(run("", "export", "--db", db.toString(), "--format", "csv", "--country", "ken"))
        .isZero();
    assertThat(out().split("\n").length).isGreaterThan(1);
  }

  @Test
  void misspeltCommand_suggestsTheNearestOne() {
    assertThat(run("", "cdoe", "x.txt")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'cdoe'; did you mean 'code'?");
    err.reset();
    assertThat(run("", "exprot")).isEqualTo(2);
    assertThat(err()).contains("did you mean 'export'?");
  }

  @Test
  void mojibakeInsideWords_isRepairedAndThePlaceGeocodes() throws IOException {
    String text =
        "The \u00C3\u00A9lite police fired tear gas at protesters in Medell\u00C3n, Colombia,"
            + " on Monday.";
    assertThat(run(text, "code", "-", "--published", "2024-06-25", "--coder", "rules")).isZero();
    JsonNode e = jsonLines(out()).get(0);
    assertThat(e.get("location").get("country").asText()).isEqualTo("COL");
    assertThat(e.get("location").get("name").asText()).isEqualTo("Medellín");
    JsonNode actor =
        e.get("source").get("text").asText().contains("police") ? e.get("source") : e.get("target");
    assertThat(actor.get("text").asText()).isEqualTo("élite police");
    assertThat(text.substring(actor.get("start").asInt(), actor.get("end").asInt()))
        .isEqualTo("\u00C3\u00A9lite police");
  }

  @Test
  void controlCharacters_neverReachTheOutputOrTheTerminal() throws IOException {
    String text = "Police\u0007 arrested 20 \u001B[31mprotesters\u001B[0m in Nairobi on Monday.";
    assertThat(run(text, "code", "-", "--published", "2024-06-25", "--coder", "rules")).isZero();
    assertThat(out()).isNotEmpty().doesNotContain("\u001B").doesNotContain("\u0007");
    assertThat(out()).doesNotContain("\\u001b").doesNotContain("\\u0007");
  }

  @Test
  void numbersInAddresses_areNotYears() throws IOException {
    String jsonl =
        "{\"id\":\"a\",\"text\":\"Police arrested 20 protesters in the 2500 block of Oregon 214"
            + " on Friday.\"}\n"
            + "{\"id\":\"b\",\"text\":\"Police arrested two men at 2088 Philip Street, officials"
            + " said.\"}\n"
            + "{\"id\":\"c\",\"text\":\"Rebels attacked the town in 1999, residents said.\"}\n";
    assertThat(run(jsonl, "code", "-", "--published", "2024-06-25", "--coder", "rules")).isZero();
    List<JsonNode> events = jsonLines(out());
    assertThat(events).extracting(e -> e.get("article_id").asText()).containsExactly("a", "b", "c");
    assertThat(events.get(0).get("date").asText()).isEqualTo("2024-06-21"); // the Friday before
    assertThat(events.get(1).get("date").asText()).isEqualTo("2024-06-25"); // publication
    assertThat(events.get(2).get("date").asText()).isEqualTo("1999-01-01"); // a year
    assertThat(events.get(2).get("date_precision").asText()).isEqualTo("year");
  }

  @Test
  void pastActOnAWeekday_isDatedBeforePublicationNotDropped() throws IOException {
    String text = "Police arrested two men in Nakuru on Friday.\n\nThe men were released later.";
    assertThat(run(text, "code", "-", "--published", "2024-06-25", "--coder", "rules")).isZero();
    List<JsonNode> events = jsonLines(out());
    assertThat(events).isNotEmpty();
    assertThat(events.get(0).get("date").asText()).isEqualTo("2024-06-21");
  }
}
