package org.annals.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Reads an RSS 2.0 (or RSS 1.0) or Atom feed: each {@code item} or {@code entry} becomes an article
 * whose text is the item's content converted from HTML to paragraphs. Not thread-safe.
 */
final class FeedArticles {
  /** Largest feed file read, in bytes. */
  static final long MAX_FEED_BYTES = 64L * 1024 * 1024;

  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
  private static final String BLOCKS =
      "|p|div|br|h1|h2|h3|h4|h5|h6|li|ul|ol|blockquote|pre|table|tr|section|article|header"
          + "|footer|hr|dl|dt|dd|";

  private final Sink sink;

  /** The problem with a feed file of {@code bytes} bytes, if it is too large to read. */
  static Optional<InputProblem> checkSize(String origin, long bytes) {
    return InputChecks.tooLarge(
        origin, bytes, MAX_FEED_BYTES, "feed", "split it into smaller feeds");
  }

  FeedArticles(Sink sink) {
    this.sink = sink;
  }

  /** Reads the feed in {@code in} (consumed, not closed); {@code name} is used in messages. */
  void read(String name, InputStream in) throws IOException {
    Document doc = Jsoup.parse(in, null, "", Parser.xmlParser());
    Element root = doc.children().first();
    String kind = root == null ? "" : root.normalName();
    List<Element> items = new ArrayList<>();
    String source = null;
    if (kind.equals("rss") || kind.equals("rdf:rdf")) {
      items.addAll(root.getElementsByTag("item"));
      Element channel = child(root, "channel");
      source = text(channel == null ? null : child(channel, "title"));
    } else if (kind.equals("feed")) {
      for (Element e : root.children()) {
        if (e.normalName().equals("entry")) {
          items.add(e);
        }
      }
      source = text(child(root, "title"));
    } else {
      sink.problem(
          name,
          "not-a-feed",
          "expected an RSS (<rss>) or Atom (<feed>) feed but the file "
              + (root == null ? "holds no XML element" : "starts with <" + root.tagName() + ">")
              + "; give a feed, or move other XML files out of the directory");
      return;
    }
    if (items.isEmpty()) {
      sink.problem(name, "empty", "the feed has no items");
    }
    for (int i = 0; i < items.size(); i++) {
      item(items.get(i), source, name + "#" + (i + 1));
    }
  }

  private void item(Element item, @Nullable String source, String where) {
    String title = text(child(item, "title"));
    if (title != null && (title.indexOf('<') >= 0 || title.indexOf('&') >= 0)) {
      String plain = HtmlBoilerplate.normalise(Jsoup.parseBodyFragment(title).text());
      title = plain.isEmpty() ? null : plain; // an Atom title of type "html"
    }
    String link = link(item);
    String guid = firstNonNull(text(child(item, "guid")), text(child(item, "id")));
    String text = body(child(item, "content:encoded"));
    if (text.isEmpty()) {
      text = body(child(item, "content"));
    }
    if (text.isEmpty()) {
      text = body(firstNonNull(child(item, "description"), child(item, "summary")));
    }
    if (text.isEmpty()) {
      sink.problem(
          where,
          "empty",
          "the item"
              + (title == null ? "" : " \"" + title + "\"")
              + " has no text (content:encoded, content, description or summary); skipped");
      return;
    }
    String dateText = null;
    for (String tag : List.of("pubdate", "dc:date", "published", "updated", "dc:created")) {
      dateText = firstNonNull(dateText, text(child(item, tag)));
    }
    var published = dateText == null ? null : Dates.parse(dateText);
    if (dateText != null && published == null) {
      sink.problem(
          where,
          "bad-date",
          "the date \"" + dateText + "\" is not a date; coding it without a publication date");
    }
    String key = firstNonNull(guid, link);
    String id = ArticleReader.hashedId("f", key != null ? key : title + "\n" + text);
    sink.article(new RawArticle(id, title, text, published, link, source, where));
  }

  private static @Nullable String link(Element item) {
    Element first = null;
    for (Element e : item.children()) {
      if (!e.normalName().equals("link")) {
        continue;
      }
      String rel = e.attr("rel").strip().toLowerCase(Locale.ROOT);
      String href = e.hasAttr("href") ? HtmlBoilerplate.normalise(e.attr("href")) : text(e);
      if (href == null || href.isEmpty()) {
        continue;
      }
      if (rel.isEmpty() || rel.equals("alternate")) {
        return href;
      }
      first = first == null ? e : first;
    }
    return first == null ? null : HtmlBoilerplate.normalise(first.attr("href"));
  }

  /** The plain text of a content element: HTML (escaped, CDATA or inline XHTML) or text. */
  private static String body(@Nullable Element content) {
    if (content == null) {
      return "";
    }
    String type = content.attr("type").strip().toLowerCase(Locale.ROOT);
    String raw = type.equals("xhtml") ? content.html() : content.wholeText();
    if (type.equals("text") || raw.indexOf('<') < 0) {
      List<String> paragraphs = new ArrayList<>();
      for (String p : BLANK_LINE.split(raw)) {
        addParagraph(paragraphs, p);
      }
      return String.join("\n\n", paragraphs);
    }
    return htmlToText(raw);
  }

  /** Converts an HTML fragment to paragraphs separated by a blank line. */
  static String htmlToText(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    body.select("script, style, noscript, iframe, figure, img, svg, button, form").remove();
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode) {
              current.append(((TextNode) node).getWholeText());
            } else if (isBlock(node)) {
              addParagraph(paragraphs, current.toString());
              current.setLength(0);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (isBlock(node)) {
              addParagraph(paragraphs, current.toString());
              current.setLength(0);
            }
          }
        },
        body);
    addParagraph(paragraphs, current.toString());
    return String.join("\n\n", paragraphs);
  }

  private static boolean isBlock(Node node) {
    return node instanceof Element && BLOCKS.contains("|" + ((Element) node).normalName() + "|");
  }

  private static void addParagraph(List<String> paragraphs, String text) {
    String p = HtmlBoilerplate.normalise(text);
    if (!p.isEmpty() && !HtmlBoilerplate.builtIn().isBoilerplateLine(p)) {
      paragraphs.add(p);
    }
  }

  private static @Nullable Element child(Element parent, String name) {
    for (Element e : parent.children()) {
      if (e.normalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static @Nullable String text(@Nullable Element e) {
    if (e == null) {
      return null;
    }
    String t = HtmlBoilerplate.normalise(e.wholeText());
    return t.isEmpty() ? null : t;
  }

  @SafeVarargs
  private static <T> @Nullable T firstNonNull(@Nullable T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
