package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.annals.ingest.RawArticle;
import org.annals.output.EventWriter;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code golden/<case>.article.txt} is coded and compared with {@code
 * <case>.events.jsonl}. After an intended change, regenerate with {@code mvn test
 * -Dannals.golden.update=true} and review the diff.
 */
final class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("annals.golden.update");
  private static final Pipeline PIPELINE = Runner.pipeline(null, false);

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".article.txt"))
          .map(n -> n.substring(0, n.length() - ".article.txt".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Map<String, LocalDate> published() throws IOException {
    Map<String, LocalDate> out = new HashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("published.tsv"))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] c = line.split("\t");
        out.put(c[0], LocalDate.parse(c[1]));
      }
    }
    return out;
  }

  private static RawArticle article(String name) throws IOException {
    List<RawArticle> read =
        Runner.read(
            List.of(DIR.resolve(name + ".article.txt").toString()),
            System.in,
            published().get(name),
            p -> {
              throw new AssertionError(p.toString());
            });
    assertThat(read).hasSize(1);
    return read.get(0);
  }

  private static String jsonl(ArticleResult r) {
    StringBuilder b = new StringBuilder();
    r.events().forEach(e -> b.append(EventWriter.toJson(e)).append('\n'));
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void article_matchesItsGoldenEvents(String name) throws IOException {
    RawArticle a = article(name);
    assertThat(published()).as("published.tsv has a date for " + name).containsKey(name);
    ArticleResult r = PIPELINE.process(a);
    assertThat(r.problem()).isNull();
    String actual = jsonl(r);
    Path golden = DIR.resolve(name + ".events.jsonl");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file for " + name).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    // Coding again gives the same events (ids included).
    assertThat(jsonl(PIPELINE.process(a))).isEqualTo(actual);
  }

  @Test
  void everyGoldenFile_hasItsArticle() throws IOException {
    List<String> cases = cases().toList();
    assertThat(cases).isNotEmpty();
    try (Stream<Path> files = Files.list(DIR)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".events.jsonl"))
          .forEach(
              n ->
                  assertThat(cases)
                      .as("article for " + n)
                      .contains(n.substring(0, n.length() - ".events.jsonl".length())));
    }
  }

  @Test
  void parallelRun_givesTheSameEventsInTheSameOrder() throws IOException {
    List<RawArticle> articles = new ArrayList<>();
    for (String name : cases().toList()) {
      articles.add(article(name));
    }
    List<String> sequential = new ArrayList<>();
    Runner.process(PIPELINE, articles, 1, r -> sequential.add(jsonl(r)));
    List<String> parallel = new ArrayList<>();
    Runner.process(PIPELINE, articles, 2, r -> parallel.add(jsonl(r)));
    assertThat(parallel).isEqualTo(sequential);
  }
}
