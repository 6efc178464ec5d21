package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReadCommandTest {
  private static final Path SAMPLE = Path.of("..", "samples", "nairobi-protest.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private String run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void read_page_printsWhatTheReaderExtracted() throws IOException {
    Path page = dir.resolve("story.html");
    Files.writeString(
        page,
        "<html><head><title>Dock strike spreads</title>"
            + "<link rel=canonical href='https://www.example.org/news/dock-strike'>"
            + "<meta property='article:published_time' content='2024-03-05T09:00:00Z'></head>"
            + "<body><nav>Home | World</nav><article><h1>Dock strike spreads</h1>"
            + "<p>Dock workers in Mombasa walked out on Tuesday over unpaid wages, union leaders"
            + " said.</p><p>The strike halted loading at three berths.</p></article></body></html>",
        StandardCharsets.UTF_8);
    JsonNode a = JSON.readTree(run("", "read", page.toString()));
    assertThat(a.get("id").asText()).isEqualTo("story");
    assertThat(a.get("origin").asText()).endsWith("story.html");
    assertThat(a.get("url").asText()).isEqualTo("https://www.example.org/news/dock-strike");
    assertThat(a.get("title").asText()).isEqualTo("Dock strike spreads");
    assertThat(a.get("published").asText()).isEqualTo("2024-03-05");
    assertThat(a.get("outlet").asText()).isEqualTo("example.org");
    assertThat(a.get("text").asText())
        .startsWith("Dock workers in Mombasa walked out")
        .contains("three berths")
        .doesNotContain("Home | World");
  }

  @Test
  void read_jsonLines_namesTheRecordInTheOrigin() throws IOException {
    String jsonl =
        "{\"id\":\"a\",\"text\":\"Troops withdrew from the town.\"}\n{bad\n"
            + "{\"id\":\"b\",\"text\":\"Talks resumed in Doha.\",\"published\":\"2024-01-02\"}\n";
    String out = run(jsonl, "read", "-");
    String[] lines = out.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines[0]).get("origin").asText()).isEqualTo("stdin:1");
    assertThat(JSON.readTree(lines[1]).get("origin").asText()).isEqualTo("stdin:3");
    assertThat(JSON.readTree(lines[1]).get("published").asText()).isEqualTo("2024-01-02");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("stdin:2: skipped (bad-json)")
        .contains("2 article(s) read, 1 skipped");
  }

  @Test
  void readThenCode_givesTheEventsOfCodingTheFileDirectly() throws IOException {
    String direct =
        run("", "code", SAMPLE.toString(), "--published", "2024-06-25", "--coder", "rules");
    String read = run("", "read", SAMPLE.toString());
    String piped = run(read, "code", "-", "--published", "2024-06-25", "--coder", "rules");
    assertThat(direct).isNotBlank();
    assertThat(piped).isEqualTo(direct);
  }
}
