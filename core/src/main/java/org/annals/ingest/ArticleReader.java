package org.annals.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.annals.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * Reads articles from files, directories and standard input ({@code -}):
 *
 * <ul>
 *   <li>{@code .txt}: one article; an optional first line is the headline;
 *   <li>{@code .jsonl}: one article a line ({@code id, text}, optional {@code title, published,
 *       url, source});
 *   <li>{@code .html}, {@code .htm}: one web page; headline, date, URL, outlet and main text are
 *       taken from the page;
 *   <li>{@code .warc}, {@code .warc.gz}: every HTML page fetched with status 200;
 *   <li>{@code .rss}, {@code .atom}, {@code .xml}: every item of an RSS or Atom feed;
 *   <li>a directory: every file above in it and its subdirectories, in sorted path order (hidden
 *       files and directories are skipped, files with other endings ignored).
 * </ul>
 *
 * <p>A file with another ending is read as text. Standard input is read as JSON Lines if it starts
 * with {@code {}, as a feed or a web page if it starts with {@code <}, else as text.
 *
 * <p>Bad input never throws: each unreadable file or record is passed to the problem consumer and
 * reading goes on with the next record. The reader consumes but does not close standard input. Not
 * thread-safe.
 */
public final class ArticleReader {
  /** File name endings read from a directory, lower case. */
  public static final List<String> EXTENSIONS =
      List.of(".txt", ".jsonl", ".html", ".htm", ".warc", ".warc.gz", ".rss", ".atom", ".xml");

  private enum Kind {
    TEXT,
    JSONL,
    HTML,
    WARC,
    FEED
  }

  private final Sink sink;

  public ArticleReader(Consumer<RawArticle> articles, Consumer<InputProblem> problems) {
    this.sink = new Sink(articles, problems);
  }

  /** Reads one input name: a file or directory path, or {@code -} for {@code stdin}. */
  public void read(String input, InputStream stdin) {
    if (input.equals("-")) {
      readStdin(stdin);
      return;
    }
    Path path;
    try {
      path = Path.of(input);
    } catch (InvalidPathException e) {
      sink.problem(input, "unreadable", "not a valid path (" + e.getReason() + "); check it");
      return;
    }
    if (Files.isDirectory(path)) {
      readDirectory(path, input);
    } else if (Files.isRegularFile(path)) {
      Kind kind = kind(path);
      readFile(path, input, kind == null ? Kind.TEXT : kind);
    } else if (Files.exists(path)) {
      sink.problem(
          input,
          "unreadable",
          "not a regular file (a device, pipe or socket); give a file, a directory, or - to read"
              + " standard input (e.g. cat FILE | annals code -)");
    } else {
      sink.problem(input, "unreadable", "no such file; check the path and try again");
    }
  }

  /**
   * Reads one web page that is already in memory, e.g. one posted to the API.
   *
   * @param id the article id
   * @param origin where the page came from, for messages
   * @param html the page's bytes; the charset is detected from its byte-order mark or meta tag
   * @param url the URL the page was fetched from (used if the page names no canonical URL), or null
   */
  public void readHtml(String id, String origin, byte[] html, @Nullable String url) {
    var tooBig = InputChecks.checkSize(origin, html.length);
    if (tooBig.isPresent()) {
      sink.problems().accept(tooBig.get());
      return;
    }
    try {
      HtmlArticles.read(html, null, url, id, origin, sink);
    } catch (RuntimeException e) {
      sink.problem(origin, "failed", "could not read the HTML page: " + e);
    }
  }

  /**
   * Reads JSON Lines already in memory or on a stream, e.g. articles posted to the API: one article
   * a line with the fields of {@code annals code}'s JSON Lines input.
   */
  public void readJsonLines(String origin, InputStream in) {
    try {
      new JsonLines(sink.articles(), sink.problems()).read(origin, in);
    } catch (java.io.IOException e) {
      sink.problem(origin, "unreadable", "could not read the records: " + e.getMessage());
    }
  }

  /**
   * Reads one file's content from a stream, as {@link #read} reads a file of that name: its ending
   * says how ({@code .jsonl}, {@code .warc.gz}…, other endings as text) and, for a page or a text,
   * its name without the ending is the article id. For files on other file systems (HDFS, S3, as
   * Spark reads them). {@code in} is consumed but not closed.
   *
   * @param fileName the file's name (the last part of its path)
   * @param origin the file as it should be named in messages
   */
  public void readStream(String fileName, String origin, InputStream in) {
    Kind kind = kindOf(fileName);
    kind = kind == null ? Kind.TEXT : kind;
    try {
      switch (kind) {
        case WARC -> new WarcArticles(sink).read(in, origin);
        case JSONL -> new JsonLines(sink.articles(), sink.problems()).read(origin, in);
        default -> {
          long limit =
              kind == Kind.FEED ? FeedArticles.MAX_FEED_BYTES : InputChecks.MAX_ARTICLE_BYTES;
          byte[] bytes = readAtMost(in, (int) Math.min(Integer.MAX_VALUE - 16, limit));
          readBytes(fileName, origin, kind, bytes);
        }
      }
    } catch (IOException e) {
      sink.problem(origin, "unreadable", "could not read the file: " + e.getMessage());
    } catch (RuntimeException e) {
      sink.problem(origin, "failed", "could not read the file (" + e + "); please report it");
    }
  }

  /** A page, feed or text file already in memory (its size not yet checked). */
  private void readBytes(String fileName, String origin, Kind kind, byte[] bytes)
      throws IOException {
    Optional<InputProblem> badSize =
        kind == Kind.FEED
            ? bytes.length > 0 ? FeedArticles.checkSize(origin, bytes.length) : Optional.empty()
            : InputChecks.checkSize(origin, bytes.length);
    if (badSize.isPresent()) {
      sink.problems().accept(badSize.get());
      return;
    }
    String id = idFromFileName(fileName);
    switch (kind) {
      case HTML -> HtmlArticles.read(bytes, null, null, id, origin, sink);
      case FEED -> new FeedArticles(sink).read(origin, new ByteArrayInputStream(bytes));
      default -> readText(origin, id, bytes);
    }
  }

  private void readDirectory(Path dir, String input) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return !d.equals(dir) && hidden(d)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (!hidden(f) && kind(f) != null && Files.isRegularFile(f)) {
                files.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              sink.problem(f.toString(), "unreadable", "could not open it: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      sink.problem(input, "unreadable", "could not list the directory: " + e.getMessage());
      return;
    }
    if (files.isEmpty()) {
      sink.problem(
          input,
          "empty",
          "the directory holds no file to read; give files ending in "
              + String.join(", ", EXTENSIONS));
      return;
    }
    Collections.sort(files);
    for (Path f : files) {
      readFile(f, f.toString(), kind(f));
    }
  }

  private void readFile(Path path, String origin, Kind kind) {
    try {
      if (kind == Kind.WARC) {
        new WarcArticles(sink).read(path, origin);
        return;
      }
      long size = Files.size(path);
      Optional<InputProblem> badSize =
          kind == Kind.JSONL
              ? Optional.empty()
              : kind == Kind.FEED && size > 0
                  ? FeedArticles.checkSize(origin, size)
                  : InputChecks.checkSize(origin, size);
      if (badSize.isPresent()) {
        sink.problems().accept(badSize.get());
        return;
      }
      try (InputStream in = Files.newInputStream(path)) {
        switch (kind) {
          case JSONL -> new JsonLines(sink.articles(), sink.problems()).read(origin, in);
          case HTML ->
              HtmlArticles.read(in.readAllBytes(), null, null, idFromFileName(path), origin, sink);
          case FEED -> new FeedArticles(sink).read(origin, in);
          default -> readText(origin, idFromFileName(path), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      sink.problem(origin, "unreadable", "could not read the file: " + e.getMessage());
    } catch (RuntimeException e) {
      sink.problem(origin, "failed", "could not read the file (" + e + "); please report it");
    }
  }

  /**
   * Reads standard input as it arrives: JSON Lines record by record, so a stream of any length
   * works in bounded memory; a page, feed or text article up to its size limit (a longer one is
   * refused without reading the rest).
   */
  private void readStdin(InputStream stdin) {
    try {
      var in = new java.io.BufferedInputStream(stdin, 1 << 16);
      int first = firstNonSpace(in);
      if (first == '{') {
        new JsonLines(sink.articles(), sink.problems()).read("stdin", in);
        return;
      }
      byte[] head = peek(in, 2048);
      if (first == '<' && isFeed(head, 0)) {
        byte[] all = readAtMost(in, (int) FeedArticles.MAX_FEED_BYTES);
        var tooBig = FeedArticles.checkSize("stdin", all.length);
        if (tooBig.isPresent()) {
          sink.problems().accept(tooBig.get());
          return;
        }
        new FeedArticles(sink).read("stdin", new ByteArrayInputStream(all));
        return;
      }
      byte[] all = readAtMost(in, InputChecks.MAX_ARTICLE_BYTES);
      if (all.length > InputChecks.MAX_ARTICLE_BYTES) {
        sink.problems()
            .accept(
                new InputProblem(
                    "stdin",
                    "too-large",
                    "standard input holds over "
                        + (InputChecks.MAX_ARTICLE_BYTES >> 20)
                        + " MB and is not JSON Lines; give one article, or many as JSON Lines"
                        + " (one {\"id\", \"text\"} record a line)"));
      } else if (first == '<') {
        readHtml("stdin", "stdin", all, null);
      } else {
        readText("stdin", "stdin", all);
      }
    } catch (IOException e) {
      sink.problem("stdin", "unreadable", "could not read: " + e.getMessage());
    }
  }

  /**
   * The first byte that is not white space (-1 at the end); {@code in} is left where it was, unless
   * over 64 KB of white space lead, which are then consumed.
   */
  private static int firstNonSpace(java.io.BufferedInputStream in) throws IOException {
    int limit = 1 << 16;
    while (true) {
      in.mark(limit);
      for (int n = 0; n < limit; n++) {
        int b = in.read();
        if (b < 0 || !Character.isWhitespace(b)) {
          in.reset();
          return b;
        }
      }
    }
  }

  private static byte[] peek(java.io.BufferedInputStream in, int n) throws IOException {
    in.mark(n);
    byte[] head = in.readNBytes(n);
    in.reset();
    return head;
  }

  /** Up to {@code limit + 1} bytes of {@code in}: more than {@code limit} means it was too long. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit + 1);
  }

  private static boolean isFeed(byte[] all, int from) {
    String head =
        new String(all, from, Math.min(2048, all.length - from), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
  }

  private void readText(String origin, String id, byte[] bytes) {
    var decoded = InputChecks.decode(origin, bytes);
    if (!decoded.ok()) {
      sink.problems().accept(decoded.problem());
      return;
    }
    String all = decoded.text();
    String title = null;
    String body = all;
    int nl = all.indexOf('\n');
    if (nl > 0) {
      String first = all.substring(0, nl).strip();
      String rest = all.substring(nl + 1);
      boolean blankAfter = rest.startsWith("\n") || rest.startsWith("\r\n");
      boolean noFinalStop =
          !first.isEmpty() && ".!?\"'”’".indexOf(first.charAt(first.length() - 1)) < 0;
      // A headline has no full stop; one ending in ? or ! counts only with a blank line after it.
      // A first line ending in a full stop is the lead paragraph, and is coded.
      boolean question = !first.isEmpty() && "?!".indexOf(first.charAt(first.length() - 1)) >= 0;
      if (!first.isEmpty()
          && first.length() <= 200
          && (noFinalStop || (blankAfter && question))
          && !rest.isBlank()) {
        title = first;
        body = rest;
      }
    }
    sink.article(new RawArticle(id, title, body, null, null, null, origin));
  }

  /**
   * Parses {@code YYYY-MM-DD} (also with a time, or {@code /} separators), ISO date-times, RFC 1123
   * dates and written dates ("29 Aug 2022", "August 29, 2022"); null if none fits. The date is the
   * one written, whatever the time zone.
   */
  public static @Nullable LocalDate parseDate(String s) {
    return Dates.parse(s);
  }

  /** {@code prefix} and the first 16 hex digits of the SHA-256 of {@code key}: a stable id. */
  static String hashedId(String prefix, String key) {
    return prefix + Hashes.sha256Hex(key, 8);
  }

  private static @Nullable Kind kind(Path path) {
    return kindOf(path.getFileName().toString());
  }

  /** Whether {@link #read} reads a file of this name from a directory (by its ending). */
  public static boolean readable(String fileName) {
    return !fileName.startsWith(".") && kindOf(fileName) != null;
  }

  private static @Nullable Kind kindOf(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
      return Kind.WARC;
    } else if (name.endsWith(".jsonl")) {
      return Kind.JSONL;
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Kind.HTML;
    } else if (name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml")) {
      return Kind.FEED;
    }
    return name.endsWith(".txt") ? Kind.TEXT : null;
  }

  private static boolean hidden(Path path) {
    return path.getFileName() != null && path.getFileName().toString().startsWith(".");
  }

  static String idFromFileName(Path path) {
    return idFromFileName(path.getFileName().toString());
  }

  static String idFromFileName(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
