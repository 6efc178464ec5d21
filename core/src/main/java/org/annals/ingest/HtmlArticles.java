package org.annals.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Turns one web page into an article: headline, publication date, canonical URL and outlet from the
 * page's metadata, and the main text from {@link MainText}. Thread-safe.
 */
final class HtmlArticles {
  static final String NO_TEXT = "no article text found in the HTML; is it an index page?";

  private HtmlArticles() {}

  /** What a page says about itself; {@code text} is empty if no main text was found. */
  record Page(
      @Nullable String title,
      @Nullable LocalDate published,
      @Nullable String url,
      @Nullable String source,
      String text) {
    RawArticle toArticle(String id, String origin) {
      return new RawArticle(id, title, text, published, url, source, origin);
    }
  }

  /**
   * Reads the page in {@code bytes} and passes its article, or why it has none, to {@code sink}.
   *
   * @param charset the charset named by the HTTP header, or null to detect it from the page
   * @param url the URL the page was fetched from, or null
   * @param id the article id, or null for one derived from the page's URL ({@code w…})
   */
  static void read(
      byte[] bytes,
      @Nullable String charset,
      @Nullable String url,
      @Nullable String id,
      String origin,
      Sink sink) {
    read(bytes, charset, url, id, origin, null, sink);
  }

  /**
   * Reads the page as {@link #read(byte[], String, String, String, String, Sink)} does.
   *
   * @param fetched the date the page was fetched (a WARC record's date), or null if unknown: a
   *     page's date later than the day after it (or after tomorrow, if unknown) is not believed
   */
  static void read(
      byte[] bytes,
      @Nullable String charset,
      @Nullable String url,
      @Nullable String id,
      String origin,
      @Nullable LocalDate fetched,
      Sink sink) {
    LocalDate latest = (fetched != null ? fetched : LocalDate.now(ZoneOffset.UTC)).plusDays(1);
    Page page = extract(parse(bytes, charset, url), url, latest);
    if (page.text().isEmpty()) {
      sink.problem(origin, "empty", NO_TEXT);
      return;
    }
    String key = page.url() != null ? page.url() : origin;
    sink.article(page.toArticle(id != null ? id : ArticleReader.hashedId("w", key), origin));
  }

  static Document parse(byte[] bytes, @Nullable String charset, @Nullable String url) {
    String supported = null;
    try {
      if (charset != null && Charset.isSupported(charset.strip())) {
        supported = charset.strip();
      }
    } catch (IllegalCharsetNameException e) {
      // detect the charset from the page instead
    }
    try {
      return Jsoup.parse(new ByteArrayInputStream(bytes), supported, url == null ? "" : url);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail to read
    }
  }

  /** Reads {@code doc} as {@link #extract(Document, String, LocalDate)}, for a page of today. */
  static Page extract(Document doc, @Nullable String fallbackUrl) {
    return extract(doc, fallbackUrl, LocalDate.now(ZoneOffset.UTC).plusDays(1));
  }

  /**
   * Reads the metadata and main text of {@code doc}; removes its boilerplate as it goes.
   *
   * @param latest the latest date the page can be from: publication dates after it are refused
   */
  static Page extract(Document doc, @Nullable String fallbackUrl, LocalDate latest) {
    Map<String, String> meta = meta(doc);
    JsonLd jsonLd = JsonLd.of(doc);
    String title =
        firstNonBlank(meta.get("og:title"), jsonLd.headline(), text(doc.selectFirst("h1")));
    if (title == null) {
      title = firstNonBlank(doc.title());
    }
    LocalDate published = PageDates.published(doc, meta, jsonLd, latest);
    String url = absolute(doc.selectFirst("link[rel=canonical][href]"));
    if (url == null) {
      url = httpUrl(meta.get("og:url"));
    }
    if (url == null) {
      url = httpUrl(fallbackUrl);
    }
    String source = firstNonBlank(meta.get("og:site_name"), jsonLd.publisher(), host(url));
    title =
        Headlines.withoutSiteName(title, meta.get("og:site_name"), jsonLd.publisher(), host(url));
    String text = MainText.extract(doc, HtmlBoilerplate.builtIn());
    return new Page(title, published, url, source, text);
  }

  /** Lower-cased meta property, name and itemprop keys to their first non-blank content. */
  private static Map<String, String> meta(Document doc) {
    Map<String, String> out = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      String content = HtmlBoilerplate.normalise(m.attr("content"));
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : List.of("property", "name", "itemprop")) {
        // itemprop may name several properties: "datePublished dateCreated"
        for (String key : m.attr(attr).strip().toLowerCase(Locale.ROOT).split("\\s+")) {
          if (!key.isEmpty()) {
            out.putIfAbsent(key, content);
          }
        }
      }
    }
    return out;
  }

  private static @Nullable String absolute(@Nullable Element link) {
    if (link == null) {
      return null;
    }
    String abs = link.absUrl("href");
    return httpUrl(abs.isEmpty() ? link.attr("href") : abs);
  }

  private static @Nullable String httpUrl(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? t : null;
  }

  /** The host of {@code url} without {@code www.}, or null. */
  static @Nullable String host(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = new URI(url).getHost();
      if (host == null || host.isEmpty()) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static @Nullable String text(@Nullable Element e) {
    return e == null ? null : e.text();
  }

  private static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null) {
        String t = HtmlBoilerplate.normalise(v);
        if (!t.isEmpty()) {
          return t;
        }
      }
    }
    return null;
  }
}
