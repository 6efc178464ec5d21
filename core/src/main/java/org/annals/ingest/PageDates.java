package org.annals.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The publication date of a web page, from the first source that gives a plausible one: the meta
 * tags, {@code itemprop} elements, JSON-LD, a {@code <time datetime>} in the article, then a
 * visible "Published … Nov 19, 2019" line. A source whose date is a placeholder (year 1, the Unix
 * epoch) or later than the page can have been fetched is skipped. The date is the local date
 * written: {@code 2019-11-19T23:30:00-05:00} is 19 November. Stateless and thread-safe.
 */
final class PageDates {
  /** Publication-date metadata, most specific first (meta property, name or itemprop). */
  private static final List<String> DATE_KEYS =
      List.of(
          "article:published_time",
          "article:published",
          "og:published_time",
          "datepublished",
          "datecreated",
          "pubdate",
          "date",
          "dc.date",
          "dc.date.issued",
          "dcterms.created",
          "sailthru.date",
          "parsely-pub-date");

  private static final List<String> DATE_PROPS = List.of("datepublished", "datecreated");

  /** "Published Nov 19, 2019", "Posted on: 19 November 2019 at 10:00", "First published …". */
  private static final Pattern VISIBLE =
      Pattern.compile(
          "\\b(?:first published|published|posted)\\b(?: on)?:?\\s*(.{6,60})",
          Pattern.CASE_INSENSITIVE);

  private PageDates() {}

  /**
   * The publication date, or null.
   *
   * @param meta lower-cased meta keys to their content
   * @param latest the latest plausible date: the fetch date plus one day, or tomorrow
   */
  static @Nullable LocalDate published(
      Document doc, Map<String, String> meta, JsonLd jsonLd, LocalDate latest) {
    for (String key : DATE_KEYS) {
      LocalDate d = plausible(meta.get(key), latest);
      if (d != null) {
        return d;
      }
    }
    for (Element e : doc.select("[itemprop]")) {
      if (hasProp(e)) {
        String s = e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content");
        LocalDate d = plausible(s.isBlank() ? e.text() : s, latest);
        if (d != null) {
          return d;
        }
      }
    }
    LocalDate d = plausible(jsonLd.datePublished(), latest);
    if (d != null) {
      return d;
    }
    Element article = MainText.candidate(doc);
    Element time = article == null ? null : article.selectFirst("time[datetime]");
    d = time == null ? null : plausible(time.attr("datetime"), latest);
    return d != null ? d : visible(article, doc, latest);
  }

  /** Whether {@code d} can be a publication date: no placeholder, not after {@code latest}. */
  static boolean isPlausible(LocalDate d, LocalDate latest) {
    return d.getYear() > 1900
        && !d.equals(LocalDate.of(1970, 1, 1))
        && !d.equals(LocalDate.of(1969, 12, 31))
        && !d.isAfter(latest);
  }

  private static boolean hasProp(Element e) {
    for (String p : e.attr("itemprop").split("\\s+")) {
      if (DATE_PROPS.contains(p.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The first plausible date in a "Published …" text of {@code root}, else of the page. */
  private static @Nullable LocalDate visible(
      @Nullable Element root, Document doc, LocalDate latest) {
    for (Element e : root == null ? List.of(doc) : List.of(root, doc)) {
      Matcher m = VISIBLE.matcher(e.text());
      while (m.find()) {
        LocalDate d = plausible(m.group(1), latest);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static @Nullable LocalDate plausible(@Nullable String s, LocalDate latest) {
    LocalDate d = s == null ? null : Dates.parse(s);
    return d != null && isPlausible(d, latest) ? d : null;
  }
}
