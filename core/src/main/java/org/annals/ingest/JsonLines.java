package org.annals.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON Lines stream: one article a line ({@code id, text}, optional {@code title,
 * published, url, source}). Each bad line is reported and skipped. Not thread-safe.
 */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Consumer<RawArticle> articles;
  private final Consumer<InputProblem> problems;

  JsonLines(Consumer<RawArticle> articles, Consumer<InputProblem> problems) {
    this.articles = articles;
    this.problems = problems;
  }

  /** Reads every line of {@code in}, which is consumed but not closed. */
  void read(String origin, InputStream in) throws IOException {
    var line = new ByteArrayOutputStream(8192);
    int lineNo = 0;
    boolean any = false;
    var buf = new BufferedInputStream(in, 1 << 16);
    boolean eof = false;
    while (!eof) {
      int b = buf.read();
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
      record(origin + ":" + lineNo, bytes);
    }
    if (!any) {
      problems.accept(
          new InputProblem(origin, "empty", "no JSON records found; give one article a line"));
    }
  }

  private void record(String where, byte[] bytes) {
    var decoded = InputChecks.decode(where, bytes);
    if (!decoded.ok()) {
      problems.accept(decoded.problem());
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(decoded.text());
    } catch (JsonProcessingException e) {
      problems.accept(
          new InputProblem(
              where, "bad-json", "not a JSON object: " + firstLine(e.getOriginalMessage())));
      return;
    }
    if (node == null || !node.isObject()) {
      problems.accept(new InputProblem(where, "bad-json", "the line is not a JSON object"));
      return;
    }
    String badField = badField(node);
    if (badField != null) {
      problems.accept(new InputProblem(where, "bad-field", badField));
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
      published = Dates.parse(publishedText);
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
            id,
            str(node, "title"),
            text,
            published,
            str(node, "url"),
            str(node, "source") != null ? str(node, "source") : str(node, "outlet"),
            where));
  }

  /** Text fields must hold strings (an id may be a whole number); what is wrong, or null. */
  private static @Nullable String badField(JsonNode node) {
    for (String field :
        new String[] {
          "text",
          "doc_text",
          "title",
          "url",
          "source",
          "outlet",
          "published",
          "date",
          "id",
          "doc_id"
        }) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull() || v.isTextual()) {
        continue;
      }
      if ((field.equals("id") || field.equals("doc_id")) && v.isIntegralNumber()) {
        continue;
      }
      return "\""
          + field
          + "\" must be a string, not "
          + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + " "
          + firstLine(abbreviate(v.toString()))
          + "; quote it";
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
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
}
