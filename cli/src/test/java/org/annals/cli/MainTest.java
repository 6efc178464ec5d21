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

final class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return Main.run(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void code_textFile_printsOneJsonEventPerLine() throws IOException {
    Path f = dir.resolve("riot.txt");
    Files.writeString(f, "Protesters stormed the parliament in Nairobi on Tuesday.\n");
    assertThat(run("", "code", f.toString(), "--published", "2024-06-25")).isZero();
    String[] lines = out().strip().split("\n");
    JsonNode e = new ObjectMapper().readTree(lines[0]);
    assertThat(e.get("article_id").asText()).isEqualTo("riot");
    assertThat(e.get("date").asText()).isEqualTo("2024-06-25");
    assertThat(e.get("plover").get("type").asText()).isEqualTo("PROTEST");
    assertThat(e.get("acled").get("sub_event_type").asText()).isEqualTo("Violent demonstration");
    assertThat(e.has("evidence")).isTrue();
    assertThat(err()).contains("1 article(s) coded");
  }

  @Test
  void places_printsEveryMentionWithItsPlace_andSkipsABadLine() throws IOException {
    String jsonl =
        "{\"id\":\"k\",\"text\":\"Kenyan police dispersed a crowd in Mombasa.\"}\n" + "{broken\n";
    assertThat(run(jsonl, "places", "-")).isZero();
    String[] lines = out().strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode kenyan = new ObjectMapper().readTree(lines[0]);
    assertThat(kenyan.get("text").asText()).isEqualTo("Kenyan");
    assertThat(kenyan.get("use").asText()).isEqualTo("demonym");
    JsonNode mombasa = new ObjectMapper().readTree(lines[1]);
    assertThat(mombasa.get("article_id").asText()).isEqualTo("k");
    assertThat(mombasa.get("start").asInt()).isEqualTo(35);
    assertThat(mombasa.get("end").asInt()).isEqualTo(42);
    assertThat(mombasa.get("country").asText()).isEqualTo("KEN");
    assertThat(mombasa.get("precision").asText()).isEqualTo("city");
    assertThat(mombasa.get("geonames_id").isNumber()).isTrue();
    assertThat(mombasa.get("lat").asDouble()).isBetween(-4.2, -3.9);
    assertThat(err()).contains("stdin:2: skipped (bad-json)").contains("2 place mention(s)");
  }

  @Test
  void places_missingFile_isAClearErrorAndExitCode1() {
    assertThat(run("", "places", dir.resolve("nope.txt").toString())).isEqualTo(1);
    assertThat(err()).contains("nope.txt").contains("no article could be read");
  }

  @Test
  void code_stdinJsonLines_skipsTheBadLineAndCodesTheRest() {
    String jsonl =
        "{\"id\":\"a\",\"published\":\"2024-06-25\",\"text\":\"Police arrested two activists in Lagos on Tuesday.\"}\n"
            + "{broken\n";
    assertThat(run(jsonl, "code", "-", "--format", "csv")).isZero();
    assertThat(out()).startsWith("id,article_id,date,");
    assertThat(out().strip().split("\n")).hasSizeGreaterThan(1);
    assertThat(err()).contains("stdin:2: skipped (bad-json)").contains("1 skipped");
  }

  @Test
  void code_withoutPublished_saysRelativeDatesStayUnresolved() throws IOException {
    Path f = dir.resolve("x.txt");
    Files.writeString(f, "Protesters stormed the parliament on Tuesday.\n");
    assertThat(run("", "code", f.toString())).isZero();
    assertThat(err()).contains("--published");
    assertThat(out()).contains("\"date_basis\":\"unresolved\"");
  }

  @Test
  void code_table_isReadable() throws IOException {
    Path f = dir.resolve("x.txt");
    Files.writeString(f, "Protesters stormed the parliament on Tuesday.\n");
    assertThat(run("", "code", f.toString(), "--published", "2024-06-25", "--format", "table"))
        .isZero();
    assertThat(out()).contains("PROTEST/riot").contains("2024-06-25");
  }

  @Test
  void usageErrors_exitWith2AndNoStackTrace() {
    assertThat(run("", "code")).isEqualTo(2);
    assertThat(run("", "code", "x.txt", "--published", "29/08/2022")).isEqualTo(2);
    assertThat(err()).contains("YYYY-MM-DD").doesNotContain("at org.annals");
    assertThat(run("", "code", "x.txt", "--format", "xml")).isEqualTo(2);
    assertThat(run("", "frobnicate")).isEqualTo(2);
  }

  @Test
  void code_onlyBadInputs_exitsWith1AndNamesEachInput() throws IOException {
    Path empty = dir.resolve("empty.txt");
    Files.write(empty, new byte[0]);
    assertThat(run("", "code", empty.toString(), dir.resolve("missing.txt").toString()))
        .isEqualTo(1);
    assertThat(err())
        .contains("empty.txt: skipped (empty)")
        .contains("missing.txt: skipped (unreadable)");
  }

  @Test
  void eval_missingFile_exitsWith1() {
    assertThat(run("", "eval", "plover", dir.resolve("nope.jsonl").toString())).isEqualTo(1);
    assertThat(err()).contains("../shared/eval");
  }

  @Test
  void code_missingModelFile_namesItAndTheRebuildCommand() throws IOException {
    Path f = dir.resolve("riot.txt");
    Files.writeString(f, "Protesters stormed the parliament in Nairobi on Tuesday.\n");
    Path model = dir.resolve("no-such-model.bin");

    assertThat(run("", "code", f.toString(), "--model", model.toString())).isEqualTo(1);
    assertThat(err())
        .contains(model.toString())
        .contains("./annals train")
        .contains("--coder rules");
  }

  @Test
  void code_corruptModelFile_saysItIsDamaged() throws IOException {
    Path f = dir.resolve("riot.txt");
    Files.writeString(f, "Protesters stormed the parliament in Nairobi on Tuesday.\n");
    Path model = dir.resolve("model.bin");
    Files.writeString(model, "ANNALS-MODEL 1\n\u0000\u0000\u0000\u0009{\"format\"");

    assertThat(run("", "code", f.toString(), "--model", model.toString())).isEqualTo(1);
    assertThat(err()).contains(model.toString()).contains("damaged").contains("./annals train");
  }

  @Test
  void code_unknownCoder_isAUsageError() throws IOException {
    Path f = dir.resolve("riot.txt");
    Files.writeString(f, "Protesters stormed the parliament in Nairobi on Tuesday.\n");

    assertThat(run("", "code", f.toString(), "--coder", "magic")).isEqualTo(2);
    assertThat(err()).contains("--coder 'magic'").contains("hybrid or rules");
  }
}
