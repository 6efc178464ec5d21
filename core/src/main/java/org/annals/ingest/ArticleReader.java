package org.annals.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads articles from a text file (one article; an optional first line is the headline), a JSON
 * Lines file (one article a line: {@code id, text}, optional {@code title, published, url,
 * source}) or standard input ({@code -}).
 *
 * <p>Bad input never throws: each unreadable file or record is passed to the problem consumer and
 * reading goes on with the next record. The reader consumes but does not close standard input.
 */
public final class ArticleReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Consumer<RawArticle> articles;
  private final Consumer<InputProblem> problems;

  public ArticleReader(Consumer<RawArticle> articles, Consumer<InputProblem> problems) {
    this.articles = articles;
    this.problems = problems;
  }

  /** Reads one input name: a path, or {@code -} for {@code stdin}. */
  public void read(String input, InputStream stdin) {
    if (input.equals("-")) {
      readStream("stdin", stdin, true);
      return;
    }
    Path path = Path.of(input);
    if (Files.isDirectory(path)) {
      problems.accept(
          new InputProblem(
              input, "unreadable", "is a directory; name the .txt or .jsonl files inside it"));
      return;
    }
    if (!Files.isRegularFile(path)) {
      problems.accept(
          new InputProblem(input, "unreadable", "no such file; check the path and try again"));
      return;
    }
    boolean jsonl = input.toLowerCase(Locale.ROOT).endsWith(".jsonl");
    try (InputStream in = Files.newInputStream(path)) {
      if (jsonl) {
        readStream(input, in, false);
      } else {
        long size = Files.size(path);
        var tooBig = InputChecks.checkSize(input, size);
        if (tooBig.isPresent()) {
          problems.accept(tooBig.get());
          return;
        }
        readText(input, idFromFileName(path), in.readAllBytes());
      }
    } catch (IOException e) {
      problems.accept(
          new InputProblem(input, "unreadable", "could not read the file: " + e.getMessage()));
    }
  }

  private void readStream(String origin, InputStream in, boolean sniff) {
    try {
      if (sniff) {
        byte[] all = in.readAllBytes();
        int first = 0;
        while (first < all.length && Character.isWhitespace(all[first])) {
          first++;
        }
        if (first < all.length && all[first] == '{') {
          readJsonLines(origin, new java.io.ByteArrayInputStream(all));
        } else {
          readText(origin, "stdin", all);
        }
      } else {
        readJsonLines(origin, in);
      }
    } catch (IOException e) {
      problems.accept(new InputProblem(origin, "unreadable", "could not read: " + e.getMessage()));
    }
  }

  private void readJsonLines(String origin, InputStream in) throws IOException {
    var line = new ByteArrayOutputStream(8192);
    int lineNo = 0;
    boolean any = false;
    var buf = new java.io.BufferedInputStream(in, 1 << 16);
    int b;
    boolean eof = false;
    while (!eof) {
      b = buf.read();
      if (b == -1) {
        eof = true;
      } else if (b != '\n') {
        if (line.size() <= InputChecks.MAX_ARTICLE_BYTES * 2) {
          line.write(b);
        }
        continue;
      }
      lineNo++;
      byte[] bytes = line.toByteArray();
      line.reset();
      if (isBlank(bytes)) {
        continue;
      }
      any = true;
      jsonRecord(origin + ":" + lineNo, bytes);
    }
    if (!any) {
      problems.accept(
          new InputProblem(origin, "empty", "no JSON records found; give one article a line"));
    }
  }

  private void jsonRecord(String where, byte[] bytes) {
    var decoded = InputChecks.decode(where, bytes);
    if (!decoded.ok()) {
      problems.accept(decoded.problem());
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(decoded.text());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.accept(
          new InputProblem(
              where, "bad-json", "not a JSON object: " + firstLine(e.getOriginalMessage())));
      return;
    }
    if (node == null || !node.isObject()) {
      problems.accept(new InputProblem(where, "bad-json", "the line is not a JSON object"));
      return;
    }
    String text = str(node, "text");
    if (text == null) {
      text = str(node, "doc_text");
    }
    String id = str(node, "id");
    if (id == null) {
      id = str(node, "doc_id");
    }
    if (text == null || id == null || id.isBlank()) {
      problems.accept(
          new InputProblem(
              where,
              "missing-field",
              "each record needs \"id\" and \"text\" (optional: title, published, url, source)"));
      return;
    }
    if (text.isBlank()) {
      problems.accept(new InputProblem(where, "empty", "the record's text is empty"));
      return;
    }
    String publishedText = str(node, "published");
    if (publishedText == null) {
      publishedText = str(node, "date");
    }
    LocalDate published = null;
    if (publishedText != null && !publishedText.isBlank()) {
      published = parseDate(publishedText);
      if (published == null) {
        problems.accept(
            new InputProblem(
                where,
                "bad-date",
                "published \""
                    + publishedText
                    + "\" is not a date (use YYYY-MM-DD); coding it without a publication date"));
      }
    }
    articles.accept(
        new RawArticle(
            id, str(node, "title"), text, published, str(node, "url"), str(node, "source"), where));
  }

  private void readText(String origin, String id, byte[] bytes) {
    var decoded = InputChecks.decode(origin, bytes);
    if (!decoded.ok()) {
      problems.accept(decoded.problem());
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
      boolean noFinalStop = !first.isEmpty() && ".!?\"'”’".indexOf(first.charAt(first.length() - 1)) < 0;
      if (!first.isEmpty() && first.length() <= 200 && (blankAfter || noFinalStop) && !rest.isBlank()) {
        title = first;
        body = rest;
      }
    }
    articles.accept(new RawArticle(id, title, body, null, null, null, origin));
  }

  /** Parses {@code YYYY-MM-DD}, ISO date-times and RFC 1123 dates; null if none fits. */
  public static @Nullable LocalDate parseDate(String s) {
    String t = s.strip();
    try {
      if (t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
        return LocalDate.parse(t.substring(0, 10));
      }
    } catch (DateTimeParseException e) {
      // fall through to the other formats
    }
    try {
      return OffsetDateTime.parse(t).toLocalDate();
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable String str(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  static String idFromFileName(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
