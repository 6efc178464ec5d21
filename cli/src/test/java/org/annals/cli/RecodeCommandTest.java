package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annals recode} end to end, with the real coder on the sample articles. */
final class RecodeCommandTest {
  private static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    err.reset();
    return Main.run(
        new ByteArrayInputStream(new byte[0]),
        System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The store's events and then its reports, as {@code annals export --format jsonl} writes. */
  private List<String> exported(Path db) throws IOException {
    List<String> out = new ArrayList<>();
    for (String what : List.of("events", "reports")) {
      Path file = dir.resolve(db.getFileName() + "-" + what + ".jsonl");
      List<String> args =
          new ArrayList<>(
              List.of("export", "--db", db.toString(), "--format", "jsonl", "-o", file.toString()));
      if (what.equals("reports")) {
        args.add("--reports");
      }
      assertThat(run(args.toArray(String[]::new))).as(err()).isZero();
      out.add("-- " + what);
      out.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void recode_samplesIngestedByTheRules_equalsAFreshIngestWithTheDefaultCoder() throws IOException {
    Path recoded = dir.resolve("recoded.duckdb");
    Path fresh = dir.resolve("fresh.duckdb");
    assertThat(run("ingest", SAMPLES.toString(), "--db", recoded.toString(), "--coder", "rules"))
        .isZero();
    List<String> byRules = exported(recoded);
    assertThat(run("ingest", SAMPLES.toString(), "--db", fresh.toString())).isZero();

    assertThat(run("recode", "--db", recoded.toString(), "--threads", "2", "--batch", "2"))
        .as(err())
        .isZero();

    assertThat(err())
        .contains("re-coded 4 of 4 stored article(s)")
        .contains("0 without stored text");
    List<String> after = exported(recoded);
    assertThat(after).isNotEqualTo(byRules).isEqualTo(exported(fresh));
    assertThat(after.size()).isGreaterThan(4);

    assertThat(run("recode", "--db", recoded.toString())).isZero();
    assertThat(err()).contains("re-coded 0 of 4").contains("skipped 4 already coded");
    assertThat(exported(recoded)).isEqualTo(after);
  }

  @Test
  void recode_withoutAStore_saysToIngestFirst() {
    Path db = dir.resolve("missing.duckdb");

    assertThat(run("recode", "--db", db.toString())).isEqualTo(1);

    assertThat(err()).contains("no store at").contains("annals ingest");
    assertThat(db).doesNotExist();
  }

  @Test
  void recode_badRange_isAUsageError() {
    assertThat(run("recode", "--from", "2024-06-10", "--to", "2024-06-01")).isEqualTo(2);
    assertThat(err()).contains("is after --to");

    assertThat(run("recode", "--from", "June")).isEqualTo(2);
    assertThat(err()).contains("is not a date");
  }
}
