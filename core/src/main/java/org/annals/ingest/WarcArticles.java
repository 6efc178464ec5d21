package org.annals.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads the web pages of a WARC file ({@code .warc} or {@code .warc.gz}): every {@code response}
 * record with HTTP status 200 and an HTML payload, and every {@code resource} record of type {@code
 * text/html}, becomes an article through {@link HtmlArticles}. Other records are skipped silently.
 * Not thread-safe.
 */
final class WarcArticles {
  private final Sink sink;

  WarcArticles(Sink sink) {
    this.sink = sink;
  }

  /** Reads {@code path}; {@code name} is the file as the user gave it, for messages. */
  void read(Path path, String name) {
    try (WarcReader reader = new WarcReader(path)) {
      read(reader, name);
    } catch (IOException e) {
      sink.problem(name, "unreadable", "could not read the WARC file: " + message(e));
    }
  }

  /**
   * Reads a WARC file from {@code in} (gzipped or not), which is consumed but not closed; {@code
   * name} names the file, for messages.
   */
  void read(InputStream in, String name) {
    try {
      read(
          new WarcReader(
              new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                  // the caller closes the stream
                }
              }),
          name);
    } catch (IOException e) {
      sink.problem(name, "unreadable", "could not read the WARC file: " + message(e));
    }
  }

  private void read(WarcReader reader, String name) throws IOException {
    int pages = 0;
    int records = 0;
    long last = -1;
    try (reader) {
      reader.onWarning(warning -> {});
      while (true) {
        WarcRecord record;
        try {
          Optional<WarcRecord> next = reader.next();
          if (next.isEmpty()) {
            break;
          }
          record = next.get();
        } catch (IOException | RuntimeException e) {
          corrupt(name, records, last, e);
          return;
        }
        String where = name + "#" + record.position();
        try {
          pages += page(record, where) ? 1 : 0;
        } catch (IOException | RuntimeException e) {
          if (truncation(e)) {
            corrupt(name, records, last, e);
            return;
          }
          pages++;
          sink.problem(
              where, "bad-record", "could not read the page in this record: " + message(e));
        }
        records++;
        last = record.position();
      }
    }
    if (pages == 0) {
      sink.problem(
          name,
          "empty",
          "no HTML page found in the WARC file (it needs response records with status 200 and an"
              + " HTML payload)");
    }
  }

  /** Reads one record; returns whether it held an HTML page. */
  private boolean page(WarcRecord record, String where) throws IOException {
    if (record instanceof WarcResponse) {
      WarcResponse response = (WarcResponse) record;
      String target = response.target();
      MediaType block = response.contentType();
      if (!block.type().equalsIgnoreCase("application")
          || !block.subtype().equalsIgnoreCase("http")
          || !target.toLowerCase(Locale.ROOT).startsWith("http")) {
        return false;
      }
      HttpResponse http = response.http();
      if (http.status() != 200 || !isHtml(http.contentType())) {
        return false;
      }
      html(http.bodyDecoded(), http.contentType(), target, fetched(record), where);
      return true;
    }
    if (record instanceof WarcResource && isHtml(record.contentType())) {
      html(
          record.body(),
          record.contentType(),
          ((WarcResource) record).target(),
          fetched(record),
          where);
      return true;
    }
    return false;
  }

  /** The day the record was fetched (its WARC-Date, UTC), or null if it has none. */
  private static @Nullable LocalDate fetched(WarcRecord record) {
    try {
      return record.date().atOffset(ZoneOffset.UTC).toLocalDate();
    } catch (RuntimeException e) {
      return null; // a missing or malformed WARC-Date: judge the page's date by today
    }
  }

  private void html(
      MessageBody body, MediaType type, String target, @Nullable LocalDate fetched, String where)
      throws IOException {
    byte[] bytes;
    try (InputStream in = body.stream()) {
      bytes = in.readNBytes(InputChecks.MAX_ARTICLE_BYTES + 1);
    }
    if (bytes.length > InputChecks.MAX_ARTICLE_BYTES) {
      sink.problem(where, "too-large", "the page is over the 5 MB limit; skipped");
      return;
    }
    HtmlArticles.read(bytes, type.parameters().get("charset"), target, null, where, fetched, sink);
  }

  private static boolean isHtml(MediaType type) {
    String t = type.type().toLowerCase(Locale.ROOT) + "/" + type.subtype().toLowerCase(Locale.ROOT);
    return t.equals("text/html") || t.equals("application/xhtml+xml");
  }

  private void corrupt(String name, int records, long last, Exception e) {
    String detail = message(e);
    sink.problem(
        name,
        "corrupt",
        records == 0
            ? "the file is not a WARC file, or it is corrupt at its start (" + detail + ")"
            : String.format(
                Locale.ROOT,
                "the WARC file is truncated or corrupt after %d records, the last at byte %d (%s);"
                    + " the records before it were read, check the download and read it again",
                records,
                last,
                detail));
  }

  /** Whether {@code e} means the file ends in the middle of a record. */
  private static boolean truncation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException || t instanceof ZipException) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable e) {
    @Nullable String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
