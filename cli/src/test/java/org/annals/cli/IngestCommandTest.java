package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annals ingest} and {@code annals export} end to end, with the real coder. */
final class IngestCommandTest {
  private static final Path RIOTS = Path.of("src", "test", "resources", "ingest", "riots");
  private static final Path SAMPLE = Path.of("..", "samples", "nairobi-protest.txt");
  private static final Path EXAMPLE =
      Path.of("..", "..", "shared", "examples", "iraq-palace-2022-08-29.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        new ByteArrayInputStream(new byte[0]),
        System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The store's events as JSON, via {@code annals export --format jsonl}. */
  private List<JsonNode> events(Path db) throws IOException {
    Path file = dir.resolve("export-" + db.getFileName() + ".jsonl");
    assertThat(run("export", "--db", db.toString(), "--format", "jsonl", "-o", file.toString()))
        .isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static String place(JsonNode e) {
    return e.get("location").get("name").asText();
  }

  @Test
  void ingest_threeReportsOfOneRiot_oneEvent_andARiotElsewhereStaysApart() throws IOException {
    Path db = dir.resolve("riots.duckdb");

    assertThat(run("ingest", RIOTS.toString(), "--db", db.toString(), "--published", "2025-03-12"))
        .isZero();

    List<JsonNode> events = events(db);
    List<JsonNode> mombasa =
        events.stream()
            .filter(
                e ->
                    place(e).equals("Mombasa")
                        && e.get("date").asText().equals("2025-03-11")
                        && "Riots".equals(e.get("acled").get("event_type").asText()))
            .toList();
    assertThat(mombasa).hasSize(1);
    JsonNode riot = mombasa.get(0);
    assertThat(riot.get("num_articles").asInt()).isEqualTo(3);
    assertThat(riot.get("num_reports").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(riot.get("num_sources").asInt()).isEqualTo(3);
    assertThat(riot.get("confidence").asDouble()).isGreaterThan(0.9);
    assertThat(riot.get("evidence").findValuesAsText("article_id"))
        .contains("mombasa-a", "mombasa-b", "mombasa-c");
    List<JsonNode> kisumu = events.stream().filter(e -> place(e).equals("Kisumu")).toList();
    assertThat(kisumu).hasSize(1);
    assertThat(kisumu.get(0).get("num_articles").asInt()).isEqualTo(1);
    assertThat(err()).contains("4 stored and coded");
  }

  @Test
  void ingest_sameInputTwice_changesNothing() throws IOException {
    Path db = dir.resolve("twice.duckdb");
    assertThat(run("ingest", RIOTS.toString(), "--db", db.toString())).isZero();
    List<JsonNode> once = events(db);

    assertThat(run("ingest", RIOTS.toString(), "--db", db.toString())).isZero();

    assertThat(events(db)).isEqualTo(once);
    assertThat(err()).contains("skipped by reason: already-stored 4");
  }

  @Test
  void ingest_articleAndEditedCopy_sameEventsWithBothArticlesAsEvidence() throws IOException {
    assertSameEventsWithCopy(SAMPLE, "2024-06-26");
  }

  @Test
  void ingest_exampleArticleAndEditedCopy_sameEventsWithBothArticlesAsEvidence()
      throws IOException {
    assumeTrue(Files.isRegularFile(EXAMPLE), "../shared/examples is not present");
    assertSameEventsWithCopy(EXAMPLE, "2022-08-29");
  }

  /**
   * Ingests the article alone, then with a copy that has an edited headline, two paragraphs in the
   * other order and extra boilerplate; the events must be the same, each backed by both.
   */
  private void assertSameEventsWithCopy(Path article, String published) throws IOException {
    String text = Files.readString(article, StandardCharsets.UTF_8);
    Path alone = dir.resolve("alone");
    Files.createDirectories(alone);
    Files.writeString(alone.resolve("story.txt"), text, StandardCharsets.UTF_8);
    Path both = dir.resolve("both");
    Files.createDirectories(both);
    Files.writeString(both.resolve("story.txt"), text, StandardCharsets.UTF_8);
    Files.writeString(
        both.resolve("story-syndicated.txt"), editedCopy(text), StandardCharsets.UTF_8);

    Path db1 = dir.resolve("alone.duckdb");
    Path db2 = dir.resolve("both.duckdb");
    assertThat(run("ingest", alone.toString(), "--db", db1.toString(), "--published", published))
        .isZero();
    assertThat(run("ingest", both.toString(), "--db", db2.toString(), "--published", published))
        .isZero();
    assertThat(err()).contains("1 of them near-duplicates");

    List<JsonNode> single = events(db1);
    List<JsonNode> merged = events(db2);
    assertThat(merged.stream().map(IngestCommandTest::coding).toList())
        .isEqualTo(single.stream().map(IngestCommandTest::coding).toList());
    assertThat(merged)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.get("num_articles").asInt()).isEqualTo(2);
              assertThat(e.get("num_sources").asInt()).isEqualTo(1);
              assertThat(e.get("evidence").findValuesAsText("article_id"))
                  .contains("story", "story-syndicated");
            });
  }

  /** What an event says, without its evidence and counts. */
  private static String coding(JsonNode e) {
    return Arrays.asList(
            "id",
            "date",
            "date_end",
            "background",
            "plover",
            "cameo",
            "acled",
            "location",
            "confidence")
        .stream()
        .map(f -> String.valueOf(e.get(f)))
        .collect(Collectors.joining(" | "));
  }

  /** An edited headline, the last two paragraphs swapped, and boilerplate after the text. */
  static String editedCopy(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<Integer> paragraphs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().length() > 60) {
        paragraphs.add(i);
      }
    }
    int a = paragraphs.get(paragraphs.size() - 2);
    int b = paragraphs.get(paragraphs.size() - 1);
    String swap = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, swap);
    // The headline is edited in place: a new line above it would make the old headline a
    // sentence of the body, coded as one more report of the copy.
    lines.set(0, "Updated: " + lines.get(0).strip());
    return String.join("\n", lines)
        + "\nSign up to our daily newsletter\nFollow us on social media\n";
  }

  @Test
  void export_withoutAStore_saysToIngestFirst() {
    Path db = dir.resolve("missing.duckdb");

    assertThat(run("export", "--db", db.toString(), "--format", "csv")).isEqualTo(1);

    assertThat(err()).contains("no store at").contains("annals ingest");
    assertThat(Files.exists(db)).isFalse();
  }

  @Test
  void ingest_missingInput_failsWithAMessage() {
    assertThat(
            run(
                "ingest",
                dir.resolve("nope.jsonl").toString(),
                "--db",
                dir.resolve("x.duckdb").toString()))
        .isEqualTo(1);

    assertThat(err()).contains("nope.jsonl").contains("no such file");
  }
}
