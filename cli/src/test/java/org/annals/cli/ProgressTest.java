package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProgressTest {
  @TempDir Path dir;

  private static Progress progress(long total) {
    return new Progress(new PrintStream(System.err, true, StandardCharsets.UTF_8), true, total);
  }

  @Test
  void bar_withKnownTotal_showsShareRateAndTimeLeft() {
    String bar = progress(1000).bar(250, 610, 10.0);

    assertThat(bar)
        .startsWith("[######------------------] 250/1,000 articles")
        .contains("610 events")
        .contains("25.0 articles/s")
        .endsWith("ETA 0:00:30");
  }

  @Test
  void bar_withUnknownTotal_hasNoEta() {
    assertThat(progress(-1).bar(40, 3, 2.0)).isEqualTo("40 articles · 3 events · 20.0 articles/s");
  }

  @Test
  void terminal_showsLoadingThenMovesPerArticleBeforeTheFirstBatchIsStored() {
    var bytes = new java.io.ByteArrayOutputStream();
    var p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 10);
    p.loading();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("loading the language models");
    p.article();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1/10 articles");
  }

  @Test
  void plainOutput_saysLoadingOnItsOwnLine() {
    var bytes = new java.io.ByteArrayOutputStream();
    var p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, -1);
    p.loading();
    p.article();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("annals: loading the language models and the classifier (about 30 s) ...\n");
  }

  @Test
  void interrupted_saysWhatIsStoredAndHowToResume() {
    assertThat(progress(-1).interrupted("news.duckdb"))
        .contains("0 article(s) from this run are stored in news.duckdb")
        .contains("re-run the same command to resume");
  }

  @Test
  void estimate_countsJsonLinesAndFiles_unknownForCrawls() throws IOException {
    Files.writeString(dir.resolve("a.jsonl"), "{\"id\":1}\n\n{\"id\":2}\n{\"id\":3}\n");
    Files.createDirectories(dir.resolve("pages"));
    Files.writeString(dir.resolve("pages/one.html"), "<p>x</p>");
    Files.writeString(dir.resolve("pages/two.txt"), "x");
    Files.writeString(dir.resolve("notes.md"), "x");

    assertThat(Progress.estimate(List.of(dir.toString()))).isEqualTo(5);
    Files.writeString(dir.resolve("crawl.warc.gz"), "x");
    assertThat(Progress.estimate(List.of(dir.toString()))).isEqualTo(-1);
    assertThat(Progress.estimate(List.of("-"))).isEqualTo(-1);
  }
}
