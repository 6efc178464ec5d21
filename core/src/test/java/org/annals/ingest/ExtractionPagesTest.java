package org.annals.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.annals.eval.ShingleF1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Main-text extraction on the pages of {@code src/test/resources/extraction/}: each {@code
 * NAME.html} is read as a web page and its main text scored against {@code NAME.txt} with the
 * benchmark's token-shingle F1 ({@link ShingleF1}). Every page must reach {@link #MIN_F1}; the mean
 * over the pages is printed at the end.
 */
final class ExtractionPagesTest {
  static final double MIN_F1 = 0.9;
  private static final ShingleF1 SCORES = new ShingleF1();
  private static final Map<String, Double> F1 = new TreeMap<>();

  static Path dir() {
    URL url = Objects.requireNonNull(ExtractionPagesTest.class.getResource("/extraction"));
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> pages() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir())) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".html"))
          .sorted()
          .forEach(n -> names.add(n.substring(0, n.length() - ".html".length())));
    }
    return names.stream();
  }

  static String extract(String name) throws IOException {
    byte[] html = Files.readAllBytes(dir().resolve(name + ".html"));
    return HtmlArticles.extract(HtmlArticles.parse(html, null, null), null).text();
  }

  @Test
  void pages_everyHtmlHasItsExpectedText() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allSatisfy(
              n -> {
                String stem = n.substring(0, n.lastIndexOf('.'));
                String other = n.endsWith(".html") ? ".txt" : ".html";
                assertThat(n).matches(".*\\.(html|txt)");
                assertThat(dir().resolve(stem + other)).as("pair of %s", n).exists();
              });
    }
    assertThat(pages()).hasSizeGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void extract_page_matchesTheExpectedText(String name) throws IOException {
    String expected = Files.readString(dir().resolve(name + ".txt"), StandardCharsets.UTF_8);
    String extracted = extract(name);
    ShingleF1.Page score;
    synchronized (SCORES) {
      score = SCORES.add(expected, extracted);
      F1.put(name, score.f1());
    }
    assertThat(score.f1())
        .as(
            "F1 of %s (P %.3f, R %.3f); extracted:%n%s",
            name, score.precision(), score.recall(), extracted)
        .isGreaterThanOrEqualTo(MIN_F1);
  }

  @AfterAll
  static void printMean() {
    synchronized (SCORES) {
      F1.forEach((name, f1) -> System.out.printf(Locale.ROOT, "%.3f %s%n", f1, name));
      System.out.printf(
          Locale.ROOT,
          "extraction pages: %d, precision %.3f, recall %.3f, F1 %.3f%n",
          SCORES.size(),
          SCORES.precision(),
          SCORES.recall(),
          SCORES.f1());
    }
  }
}
