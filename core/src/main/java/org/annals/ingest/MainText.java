package org.annals.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the main text of a web page: the paragraphs of its article body, without navigation, share
 * bars, teasers, banners and other boilerplate.
 *
 * <p>The main element is the {@code [itemprop=articleBody]}, else the {@code <article>} with the
 * most text, else the element whose own paragraphs hold the most text. {@link TextBlocks} reads the
 * paragraphs, including text written loose in {@code <div>}s or separated by {@code <br>}.
 */
final class MainText {
  private static final String DROPPED_TAGS =
      "nav, header, footer, aside, script, style, noscript, form, iframe, figure, button, svg,"
          + " template, select, dialog, video, audio, picture, object, embed, [role=navigation],"
          + " [role=banner], [role=contentinfo], [role=complementary], [role=search],"
          + " [role=dialog]";

  private MainText() {}

  /** The element that holds the article, before any cleaning; null if the page names none. */
  static @Nullable Element candidate(Document doc) {
    Element best = largest(doc.select("[itemprop=articleBody]"));
    if (best != null) {
      return best;
    }
    List<Element> articles = new ArrayList<>();
    for (Element a : doc.select("article")) {
      if (a.closest("nav, aside, footer") == null) {
        articles.add(a);
      }
    }
    return largest(articles);
  }

  /**
   * Returns the main text, paragraphs joined by a blank line, or "" if the page has none. Removes
   * the boilerplate from {@code doc}, so read the metadata first.
   */
  static String extract(Document doc, HtmlBoilerplate boilerplate) {
    Element body = doc.body();
    Element main = candidate(doc);
    Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    if (main != null) {
      keep.add(main);
      keep.addAll(main.parents());
    }
    clean(doc, body, keep, boilerplate);
    List<String> paragraphs = main == null ? List.of() : TextBlocks.paragraphs(main, boilerplate);
    Element dense = densest(body);
    if (dense != null && (paragraphs.isEmpty() || outgrows(dense, main))) {
      paragraphs = TextBlocks.paragraphs(dense, boilerplate);
    }
    return String.join("\n\n", paragraphs);
  }

  /**
   * Whether an {@code <article>} that holds only part of the story (say, its header) should give
   * way to the densest element: one outside it with more than twice its text. An {@code
   * articleBody} is always trusted.
   */
  private static boolean outgrows(Element dense, @Nullable Element main) {
    return main != null
        && main.normalName().equals("article")
        && !main.hasAttr("itemprop")
        && dense != main
        && !dense.parents().contains(main)
        && TextBlocks.length(dense) > 2 * TextBlocks.length(main);
  }

  private static void clean(
      Document doc, Element body, Set<Element> keep, HtmlBoilerplate boilerplate) {
    for (Element e : body.select(DROPPED_TAGS)) {
      // ASP.NET pages wrap the whole page in one <form>: keep a form that holds paragraphs.
      boolean pageForm = e.normalName().equals("form") && e.select("p").size() >= 3;
      if (!keep.contains(e) && !pageForm) {
        e.remove();
      }
    }
    int total = TextBlocks.length(body);
    for (Element e : body.getAllElements()) {
      if (e == body || keep.contains(e) || e.root() != doc || !boilerplate.isBoilerplate(e)) {
        continue;
      }
      // A class such as "has-sidebar" on a page wrapper must not take the article with it.
      if (TextBlocks.length(e) * 2 <= total) {
        e.remove();
      }
    }
  }

  /** The element whose own paragraphs (not those of its descendants) hold the most text. */
  private static @Nullable Element densest(Element body) {
    Element best = null;
    int bestLength = 0;
    for (Element e : body.getAllElements()) {
      int length = TextBlocks.directLength(e);
      if (length > bestLength) {
        best = e;
        bestLength = length;
      }
    }
    return best;
  }

  private static @Nullable Element largest(List<Element> elements) {
    Element best = null;
    int bestLength = -1;
    for (Element e : elements) {
      int length = TextBlocks.length(e);
      if (length > bestLength) {
        best = e;
        bestLength = length;
      }
    }
    return best;
  }
}
