package org.annals.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Main-text extraction scores: token-shingle precision, recall and F1 between an extracted text and
 * the expected one, as the article-extraction benchmarks score extractors.
 *
 * <p>The definition, exactly:
 *
 * <ol>
 *   <li>Tokens are the maximal runs of Unicode word characters ({@code \w+} with Unicode classes:
 *       letters, digits, marks, connector punctuation), case kept. Punctuation and white space only
 *       separate tokens, so layout does not count.
 *   <li>Shingles are the runs of {@value #SIZE} consecutive tokens; a text of 1 to 3 tokens has one
 *       shingle made of all its tokens, an empty text none. Shingles are counted as a multiset.
 *   <li>For one page, tp is the sum over shingles of min(expected count, extracted count), fp the
 *       extracted surplus and fn the expected surplus; the three are divided by their sum, so that
 *       every page weighs the same.
 *   <li>Precision is tp / (tp + fp) and recall tp / (tp + fn); both are 1 when fp = fn = 0 (two
 *       empty texts) and 0 when there is nothing to match.
 *   <li>Over a set of pages, precision and recall are the means of the pages' values (a page with
 *       no extracted shingles is left out of the precision mean, one with no expected shingles out
 *       of the recall mean), and F1 is their harmonic mean. A page's own F1 is the harmonic mean of
 *       its precision and recall.
 * </ol>
 *
 * <p>Instances are mutable and not thread-safe: {@link #add} one page at a time.
 */
public final class ShingleF1 {
  /** Tokens per shingle. */
  public static final int SIZE = 4;

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private final List<Page> pages = new ArrayList<>();

  /** The normalised shingle counts of one page; {@code tp + fp + fn} is 1, or 0 for empty texts. */
  public record Page(double tp, double fp, double fn) {
    public double precision() {
      return ratio(tp, fp);
    }

    public double recall() {
      return ratio(tp, fn);
    }

    public double f1() {
      return harmonic(precision(), recall());
    }

    private double ratio(double hits, double misses) {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return hits + misses == 0 ? 0 : hits / (hits + misses);
    }
  }

  /** Scores one page: {@code extracted} against {@code expected}. */
  public static Page score(String expected, String extracted) {
    Map<List<String>, Integer> want = shingles(expected);
    Map<List<String>, Integer> got = shingles(extracted);
    Set<List<String>> keys = new HashSet<>(want.keySet());
    keys.addAll(got.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (List<String> k : keys) {
      int w = want.getOrDefault(k, 0);
      int g = got.getOrDefault(k, 0);
      tp += Math.min(w, g);
      fp += Math.max(0, g - w);
      fn += Math.max(0, w - g);
    }
    double sum = tp + fp + fn;
    return sum == 0 ? new Page(0, 0, 0) : new Page(tp / sum, fp / sum, fn / sum);
  }

  /** Scores one page and adds it to the set; returns its score. */
  public Page add(String expected, String extracted) {
    Page p = score(expected, extracted);
    pages.add(p);
    return p;
  }

  public int size() {
    return pages.size();
  }

  /** Mean precision of the pages that have extracted shingles; 0 if none has. */
  public double precision() {
    return mean(true);
  }

  /** Mean recall of the pages that have expected shingles; 0 if none has. */
  public double recall() {
    return mean(false);
  }

  /** The harmonic mean of {@link #precision()} and {@link #recall()}. */
  public double f1() {
    return harmonic(precision(), recall());
  }

  private double mean(boolean precision) {
    double sum = 0;
    int n = 0;
    for (Page p : pages) {
      if (precision ? p.tp() + p.fp() > 0 : p.tp() + p.fn() > 0) {
        sum += precision ? p.precision() : p.recall();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  private static double harmonic(double a, double b) {
    return a + b == 0 ? 0 : 2 * a * b / (a + b);
  }

  /** The shingles of {@code text} and how often each occurs. */
  static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<List<String>, Integer> out = new HashMap<>();
    if (tokens.isEmpty()) {
      return out;
    }
    for (int i = 0; i <= Math.max(0, tokens.size() - SIZE); i++) {
      out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + SIZE))), 1, Integer::sum);
    }
    return out;
  }

  /** The metric's tokens of {@code text}: runs of Unicode word characters, case kept. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }
}
