package org.annals.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.annals.store.IngestSummary;

/**
 * Shows how a long ingest is going: on a terminal, a bar redrawn in place (articles, events, rate,
 * ETA); otherwise a plain line every {@value #LINE_EVERY_SECONDS} seconds. Problems are printed on
 * their own lines either way.
 */
final class Progress {
  static final int LINE_EVERY_SECONDS = 10;
  private static final int WIDTH = 24;

  private final PrintStream err;
  private final boolean terminal;
  private final long total;
  private final long start = System.nanoTime();
  private long lastLine = System.nanoTime();
  private long lastBar;
  private boolean barShown;
  private volatile @org.jspecify.annotations.Nullable IngestSummary last;
  private int codedSinceBatch;

  Progress(PrintStream err, boolean terminal, long total) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
  }

  /** A bar when standard error is a terminal (only then does {@code err} reach a console). */
  static Progress forTerminal(PrintStream err, long total) {
    boolean terminal = System.console() != null && err == System.err;
    return new Progress(err, terminal, total);
  }

  void problem(String line) {
    clearBar();
    err.println(line);
  }

  /** Before the models load, which takes some 30 s: says so, so a silent wait is explained. */
  void loading() {
    String line = "annals: loading the language models and the classifier (about 30 s) ...";
    if (terminal) {
      clearBar();
      err.print("\r" + line);
      err.flush();
      barShown = true;
    } else {
      err.println(line);
    }
  }

  /** After each article is coded: the bar moves (at most ten times a second). */
  void article() {
    codedSinceBatch++;
    if (terminal && System.nanoTime() - lastBar >= 100_000_000L) {
      redraw();
    }
  }

  /** After each stored batch. */
  void update(IngestSummary s) {
    last = s;
    codedSinceBatch = 0;
    if (terminal) {
      redraw();
    } else if (System.nanoTime() - lastLine >= LINE_EVERY_SECONDS * 1_000_000_000L) {
      err.println("annals: " + s.progressLine() + eta(s.read(), s.seconds()));
      lastLine = System.nanoTime();
    }
  }

  private void redraw() {
    IngestSummary s = last;
    int done = (s == null ? 0 : s.stored() + s.skippedTotal()) + codedSinceBatch;
    int events = s == null ? 0 : s.events();
    err.print("\r" + bar(done, events, (System.nanoTime() - start) / 1e9) + "   ");
    err.flush();
    barShown = true;
    lastBar = System.nanoTime();
  }

  /**
   * What to print when the run is stopped (Ctrl-C): what the store holds from this run, and that
   * re-running the same command resumes.
   */
  String interrupted(String db) {
    IngestSummary s = last;
    int stored = s == null ? 0 : s.stored();
    return String.format(
        Locale.ROOT,
        "%nannals: stopped; %,d article(s) from this run are stored in %s (the batch being coded"
            + " is not); re-run the same command to resume: it skips what is stored",
        stored,
        org.annals.ingest.InputProblem.escape(db));
  }

  void done() {
    clearBar();
  }

  /** The bar: articles read (of the total, when known), events, rate and time left. */
  String bar(int read, int events, double seconds) {
    StringBuilder b = new StringBuilder();
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * read / total);
      b.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
      b.append(String.format(Locale.ROOT, "%,d/%,d articles", read, total));
    } else {
      b.append(String.format(Locale.ROOT, "%,d articles", read));
    }
    double rate = read / Math.max(seconds, 1e-9);
    b.append(String.format(Locale.ROOT, " · %,d events · %.1f articles/s", events, rate));
    return b.append(eta(read, seconds)).toString();
  }

  private String eta(int read, double seconds) {
    double rate = read / Math.max(seconds, 1e-9);
    if (total <= 0 || rate <= 0 || read >= total) {
      return "";
    }
    long secs = (long) ((total - read) / rate);
    return String.format(
        Locale.ROOT, " · ETA %d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
  }

  private void clearBar() {
    if (barShown) {
      err.print("\r" + " ".repeat(100) + "\r");
      barShown = false;
    }
  }

  /**
   * How many articles the inputs hold, for the ETA: lines of JSON Lines files, one per text or HTML
   * file; -1 when unknown (standard input, WARC files, feeds).
   */
  static long estimate(List<String> inputs) {
    long n = 0;
    for (String input : inputs) {
      Path p = Path.of(input);
      if (input.equals("-") || !Files.exists(p)) {
        return -1;
      }
      try (Stream<Path> files = Files.isDirectory(p) ? Files.walk(p) : Stream.of(p)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
          if (name.endsWith(".jsonl")) {
            try (Stream<String> lines = Files.lines(f)) {
              n += lines.filter(l -> !l.isBlank()).count();
            }
          } else if (name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm")) {
            n++;
          } else if (name.endsWith(".warc")
              || name.endsWith(".warc.gz")
              || name.endsWith(".rss")
              || name.endsWith(".atom")
              || name.endsWith(".xml")) {
            return -1;
          }
        }
      } catch (IOException | UncheckedIOException e) {
        return -1;
      }
    }
    return n;
  }
}
