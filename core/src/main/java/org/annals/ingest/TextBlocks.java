package org.annals.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The paragraphs of an element, in document order: each innermost paragraph element ({@code p},
 * {@code h2}–{@code h4}, {@code li}, {@code blockquote}) is one paragraph, and text written loose
 * in other elements ({@code <div>}s used as paragraphs, text separated by {@code <br>}) is split at
 * each {@code <br>} and block boundary into lines, of which those that read like prose are
 * paragraphs too. Headlines ({@code h1}), lists of links and image lists (galleries) are left out.
 * Stateless and thread-safe.
 */
final class TextBlocks {
  static final String PARAGRAPHS = "p, h2, h3, h4, li, blockquote";
  private static final Set<String> PARAGRAPH_TAGS =
      Set.of("p", "h2", "h3", "h4", "li", "blockquote");
  private static final Set<String> INLINE_TAGS =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
          "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
          "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "img");

  /** A loose line that ends like a sentence: a full stop, question mark and the like. */
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…:;][\"'”’»)\\]]*$");

  private static final int MIN_LOOSE_WORDS = 4;

  private TextBlocks() {}

  /** The paragraphs under {@code root}, normalised, boilerplate lines dropped. */
  static List<String> paragraphs(Element root, HtmlBoilerplate boilerplate) {
    List<String> out = new ArrayList<>();
    walk(
        root,
        text -> {
          if (!boilerplate.isBoilerplateLine(text)) {
            out.add(text);
          }
        });
    return out;
  }

  /** The length of the text of {@link #paragraphs}, boilerplate lines included. */
  static int length(Element root) {
    int[] length = {0};
    walk(root, text -> length[0] += text.length());
    return length[0];
  }

  /**
   * The length of the paragraphs that are children of each element under {@code root}: its {@code
   * <p>} children and the prose lines written loose in it, not those deeper down. Elements without
   * any are left out; the others are in document order. One pass over the tree.
   */
  static Map<Element, Integer> directLengths(Element root) {
    Map<Element, Integer> out = new LinkedHashMap<>(); // jsoup nodes are equal only to themselves
    Deque<Element> owners = new ArrayDeque<>();
    Deque<StringBuilder> lines = new ArrayDeque<>();
    Consumer<String> credit = text -> out.merge(owners.peek(), text.length(), Integer::sum);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node n, int depth) {
            if (n instanceof TextNode) {
              if (!lines.isEmpty()) {
                lines.peek().append(((TextNode) n).getWholeText());
              }
              return FilterResult.CONTINUE;
            }
            if (!(n instanceof Element) || INLINE_TAGS.contains(n.normalName())) {
              return FilterResult.CONTINUE;
            }
            Element c = (Element) n;
            if (!lines.isEmpty()) {
              loose(lines.peek(), credit);
            }
            if (c.normalName().equals("br")
                || c.normalName().equals("h1")
                || isLinkOrImageList(c)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (c.normalName().equals("p") && !owners.isEmpty()) {
              String text = HtmlBoilerplate.normalise(c.text());
              if (!text.isEmpty() && !isLink(c, text)) {
                credit.accept(text);
              }
              return FilterResult.SKIP_ENTIRELY;
            }
            owners.push(c);
            lines.push(new StringBuilder());
            out.put(c, 0);
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node n, int depth) {
            if (n instanceof Element && !owners.isEmpty() && owners.peek() == n) {
              loose(lines.pop(), credit);
              owners.pop();
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    out.values().removeIf(length -> length == 0);
    return out;
  }

  /**
   * Passes the paragraphs under {@code root} to {@code out}; iterative, for deeply nested pages.
   */
  private static void walk(Element root, Consumer<String> out) {
    StringBuilder line = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node n, int depth) {
            if (n instanceof TextNode) {
              line.append(((TextNode) n).getWholeText());
              return FilterResult.CONTINUE;
            }
            if (!(n instanceof Element) || n == root) {
              return FilterResult.CONTINUE;
            }
            Element c = (Element) n;
            String tag = c.normalName();
            if (INLINE_TAGS.contains(tag)) {
              return FilterResult.CONTINUE;
            }
            loose(line, out); // a <br> or the start of a block ends the line
            if (tag.equals("br")) {
              return FilterResult.CONTINUE;
            }
            if (tag.equals("h1") || isLinkOrImageList(c)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (PARAGRAPH_TAGS.contains(tag) && c.select(PARAGRAPHS).size() == 1) {
              String text = HtmlBoilerplate.normalise(c.text());
              if (!text.isEmpty() && !isLink(c, text)) {
                out.accept(text);
              }
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node n, int depth) {
            if (n instanceof Element && n != root && !INLINE_TAGS.contains(n.normalName())) {
              loose(line, out); // the end of a block ends the line
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    loose(line, out);
  }

  /** Emits a loose line that reads like prose and clears it. */
  private static void loose(StringBuilder line, Consumer<String> out) {
    if (line.length() == 0) {
      return;
    }
    String text = HtmlBoilerplate.normalise(line.toString());
    line.setLength(0);
    if (text.split(" ").length >= MIN_LOOSE_WORDS && SENTENCE_END.matcher(text).matches()) {
      out.accept(text);
    }
  }

  /** A short paragraph that is all link ("Read the report", a teaser headline). */
  private static boolean isLink(Element c, String text) {
    return text.length() < 120 && linkLength(c) * 10 >= text.length() * 9;
  }

  /** A list whose items are all links (related stories, tags) or all hold an image (gallery). */
  private static boolean isLinkOrImageList(Element list) {
    if (!list.normalName().equals("ul") && !list.normalName().equals("ol")) {
      return false;
    }
    List<Element> items = list.children();
    if (items.isEmpty()) {
      return false;
    }
    boolean allLinks = true;
    boolean allImages = true;
    for (Element li : items) {
      int length = HtmlBoilerplate.normalise(li.text()).length();
      allLinks = allLinks && length > 0 && linkLength(li) * 10 >= length * 9;
      allImages = allImages && li.selectFirst("img, picture") != null;
    }
    return allLinks || allImages;
  }

  private static int linkLength(Element e) {
    int length = 0;
    for (Element a : e.select("a")) {
      length += HtmlBoilerplate.normalise(a.text()).length();
    }
    return length;
  }
}
