package org.annals.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.ActorRef;

/**
 * Writes events as JSON Lines (the schema of {@link CodedEvent}), CSV (flat columns) or a readable
 * table. Not thread-safe: one writer per output stream, called in order.
 */
public abstract class EventWriter {
  /** The JSON mapper every Annals output uses: snake_case fields, nulls kept. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** Flat CSV columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "article_id",
          "date",
          "date_end",
          "date_precision",
          "date_basis",
          "background",
          "plover_type",
          "plover_mode",
          "plover_context",
          "cameo",
          "acled_event_type",
          "acled_sub_event_type",
          "source_text",
          "source_name",
          "source_country",
          "source_sector",
          "target_text",
          "target_name",
          "target_country",
          "target_sector",
          "location_name",
          "location_country",
          "location_admin1",
          "location_lat",
          "location_lon",
          "location_precision",
          "location_geonames_id",
          "fatalities",
          "confidence",
          "num_evidence",
          "sentence",
          "sentence_start",
          "sentence_end",
          "trigger",
          "rule");

  /** How often (in events) a write error is looked for before {@link #finish}. */
  private static final int CHECK_EVERY = 256;

  protected final PrintStream out;
  private int written;

  protected EventWriter(PrintStream out) {
    this.out = out;
  }

  /**
   * Writes one event.
   *
   * @throws OutputException if the output has failed (checked every few hundred events, so a run
   *     whose output is gone stops soon)
   */
  public final void write(CodedEvent e) {
    writeEvent(e);
    if (++written % CHECK_EVERY == 0) {
      OutputException.check(out, "the output");
    }
  }

  protected abstract void writeEvent(CodedEvent e);

  /**
   * Called once after the last event: flushes, and fails if anything could not be written.
   *
   * @throws OutputException if a write failed or was short
   */
  public void finish() {
    out.flush();
    OutputException.check(out, "the output");
  }

  /** A writer for {@code format}: {@code jsonl}, {@code csv} or {@code table}. */
  public static EventWriter forFormat(String format, PrintStream out) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "jsonl", "json" -> new JsonLines(out);
      case "csv" -> new Csv(out);
      case "table" -> new Table(out);
      default ->
          throw new IllegalArgumentException(
              "unknown format '" + format + "'; use jsonl, csv or table");
    };
  }

  public static String toJson(CodedEvent e) {
    try {
      return JSON.writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot serialise event " + e.id(), ex);
    }
  }

  /** The flat CSV cells of an event, in {@link #CSV_COLUMNS} order. */
  public static List<String> flat(CodedEvent e) {
    List<String> c = new ArrayList<>();
    c.add(e.id());
    c.add(e.articleId());
    c.add(s(e.date()));
    c.add(s(e.dateEnd()));
    c.add(e.datePrecision());
    c.add(e.dateBasis());
    c.add(String.valueOf(e.background()));
    c.add(e.plover().type());
    c.add(s(e.plover().mode()));
    c.add(String.join(";", e.plover().context()));
    c.add(s(e.cameo()));
    c.add(s(e.acled().eventType()));
    c.add(s(e.acled().subEventType()));
    addActor(c, e.source());
    addActor(c, e.target());
    var l = e.location();
    c.add(s(l.name()));
    c.add(s(l.country()));
    c.add(s(l.admin1()));
    c.add(l.lat() == null ? "" : l.lat().toString());
    c.add(l.lon() == null ? "" : l.lon().toString());
    c.add(s(l.precision()));
    c.add(l.geonamesId() == null ? "" : l.geonamesId().toString());
    c.add(e.fatalities() == null ? "" : e.fatalities().toString());
    c.add(String.valueOf(e.confidence()));
    c.add(String.valueOf(e.evidence().size()));
    var ev = e.evidence().get(0);
    c.add(ev.sentence());
    c.add(String.valueOf(ev.start()));
    c.add(String.valueOf(ev.end()));
    c.add(ev.trigger());
    c.add(ev.rule());
    return c;
  }

  private static void addActor(List<String> c, ActorRef a) {
    c.add(a == null ? "" : a.text());
    c.add(a == null ? "" : s(a.name()));
    c.add(a == null ? "" : s(a.country()));
    c.add(a == null ? "" : s(a.sector()));
  }

  /**
   * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A text that a
   * spreadsheet would run as a formula (it starts with {@code = + - @}, tab or carriage return)
   * gets a leading {@code '}, as OWASP recommends against CSV injection; numbers ("-3.5") stay as
   * they are.
   */
  public static String csvCell(String v) {
    String safe = isFormula(v) ? "'" + v : v;
    if (safe.indexOf(',') < 0
        && safe.indexOf('"') < 0
        && safe.indexOf('\n') < 0
        && safe.indexOf('\r') < 0) {
      return safe;
    }
    return '"' + safe.replace("\"", "\"\"") + '"';
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** True if a spreadsheet would read {@code v} as a formula. */
  static boolean isFormula(String v) {
    if (v.isEmpty()) {
      return false;
    }
    char c = v.charAt(0);
    if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
      return false;
    }
    return !NUMBER.matcher(v).matches();
  }

  static String s(String v) {
    return v == null ? "" : v;
  }

  private static final class JsonLines extends EventWriter {
    JsonLines(PrintStream out) {
      super(out);
    }

    @Override
    protected void writeEvent(CodedEvent e) {
      out.println(toJson(e));
    }
  }

  private static final class Csv extends EventWriter {
    private boolean header;

    Csv(PrintStream out) {
      super(out);
    }

    @Override
    protected void writeEvent(CodedEvent e) {
      if (!header) {
        out.println(String.join(",", CSV_COLUMNS));
        header = true;
      }
      List<String> cells = flat(e);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(csvCell(cells.get(i)));
      }
      out.println(b);
    }

    @Override
    public void finish() {
      if (!header) {
        out.println(String.join(",", CSV_COLUMNS));
      }
      super.finish();
    }
  }

  private static final class Table extends EventWriter {
    private static final String FORMAT = "%-10s %-7s %-11s %-22s %-5s %-36s %-26s %-26s %-16s %s%n";
    private int rows;

    Table(PrintStream out) {
      super(out);
    }

    @Override
    protected void writeEvent(CodedEvent e) {
      if (rows++ == 0) {
        out.printf(
            Locale.ROOT,
            FORMAT,
            "date",
            "prec",
            "basis",
            "plover",
            "cameo",
            "acled",
            "source",
            "target",
            "place",
            "trigger");
      }
      String plover =
          e.plover().type() + (e.plover().mode() == null ? "" : "/" + e.plover().mode());
      String acled = e.acled().subEventType() == null ? "-" : e.acled().subEventType();
      String date = e.date() == null ? "?" : e.date();
      String basis = e.dateBasis() + (e.background() ? "*" : "");
      out.printf(
          Locale.ROOT,
          FORMAT,
          cut(date, 10),
          cut(e.datePrecision(), 7),
          cut(basis, 11),
          cut(plover, 22),
          s(e.cameo()),
          cut(acled, 36),
          cut(actor(e.source()), 26),
          cut(actor(e.target()), 26),
          cut(s(e.location().name()), 16),
          e.evidence().get(0).trigger()
              + (e.evidence().size() > 1 ? " (+" + (e.evidence().size() - 1) + ")" : ""));
    }

    @Override
    public void finish() {
      if (rows > 0) {
        out.println("(* = background; +N = further evidence merged into the event)");
      }
      super.finish();
    }

    private static String actor(ActorRef a) {
      if (a == null) {
        return "-";
      }
      String tag =
          (a.country() == null ? "" : a.country()) + (a.sector() == null ? "" : a.sector());
      return a.text() + (tag.isEmpty() ? "" : " [" + tag + "]");
    }

    private static String cut(String v, int n) {
      String one = v.replace('\n', ' ');
      return one.length() <= n ? one : one.substring(0, n - 1) + "…";
    }
  }
}
