package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills an ingest with SIGKILL part-way, runs it again, and compares with an uninterrupted run. */
final class CrashRecoveryTest {
  private static final int ARTICLES = 60;

  @TempDir Path dir;

  @Test
  void ingest_killedMidwayAndRestarted_endsWithTheCleanRunsEvents() throws Exception {
    Path clean = dir.resolve("clean.duckdb");
    IngesterTest.ingest(clean, FakeCoder.corpus(ARTICLES), 5, new ArrayList<>());

    Path crashed = dir.resolve("crashed.duckdb");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlowIngestMain.class.getName(),
                crashed.toString(),
                String.valueOf(ARTICLES),
                "40")
            .redirectErrorStream(true)
            .start();
    int storedBeforeKill = 0;
    try (var out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("stored ")) {
          storedBeforeKill = Integer.parseInt(line.substring(7));
          if (storedBeforeKill >= ARTICLES / 3) {
            Thread.sleep(25); // land inside the next batch's coding or writing
            p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
            break;
          }
        }
      }
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(storedBeforeKill)
        .as("the child stored some batches before it was killed")
        .isBetween(ARTICLES / 3, ARTICLES - 1);

    try (EventStore store = EventStore.open(crashed)) {
      assertThat(store.count("articles")).isBetween(storedBeforeKill, ARTICLES - 1);
    }
    IngestSummary rerun =
        IngesterTest.ingest(crashed, FakeCoder.corpus(ARTICLES), 5, new ArrayList<>());

    assertThat(rerun.skipped().get("already-stored")).isGreaterThanOrEqualTo(storedBeforeKill);
    assertThat(IngesterTest.events(crashed)).isEqualTo(IngesterTest.events(clean));
  }
}
