package org.annals.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the main text of a web page: the paragraphs of its article body, without navigation, share
 * bars, teasers, banners and other boilerplate.
 *
 * <p>The main elements are the {@code [itemprop=articleBody]} elements of the story (a body split
 * by figures or ads into several is read whole, in order); else the {@code <article>} with the most
 * text (of the {@code <article>}s it wraps, the one that holds the headline), narrowed to the
 * article-body elements inside it ({@code div.article-body}, {@code .entry-content}) when they hold
 * a good part of its text; else the {@link DensestBlock} of paragraphs (with the like sibling
 * sections of a body split by figures). {@link TextBlocks} reads the paragraphs.
 */
final class MainText {
  private static final String DROPPED_TAGS =
      "nav, header, footer, aside, script, style, noscript, form, iframe, figure, button, svg,"
          + " template, select, dialog, video, audio, picture, object, embed, [role=navigation],"
          + " [role=banner], [role=contentinfo], [role=complementary], [role=search],"
          + " [role=dialog]";

  /**
   * A whole class name or id of an article body: "article-body", "c-entry-content", "storytext".
   */
  private static final Pattern BODY_NAME =
      Pattern.compile("([a-z]{1,3}[-_]+)?(article|story|post|entry)[-_]*(body|content|text)");

  private MainText() {}

  /** The first element that holds the article, before any cleaning; null if the page names none. */
  static @Nullable Element candidate(Document doc) {
    List<Element> roots = roots(doc);
    return roots.isEmpty() ? null : roots.get(0);
  }

  /**
   * Returns the main text, paragraphs joined by a blank line, or "" if the page has none. Removes
   * the boilerplate from {@code doc}, so read the metadata first.
   */
  static String extract(Document doc, HtmlBoilerplate boilerplate) {
    Element body = doc.body();
    List<Element> roots = roots(doc);
    Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element root : roots) {
      keep.add(root);
      keep.addAll(root.parents());
    }
    clean(doc, body, keep, boilerplate);
    Element article = roots.size() == 1 && isPlainArticle(roots.get(0)) ? roots.get(0) : null;
    List<String> paragraphs = paragraphs(article == null ? roots : bodyOf(article), boilerplate);
    List<Element> dense = DensestBlock.of(body);
    if (paragraphs.isEmpty() || (article != null && outgrows(dense, article))) {
      paragraphs = paragraphs(dense, boilerplate);
    }
    return String.join("\n\n", withoutHeadline(paragraphs, headline(doc)));
  }

  /** Drops a first paragraph that repeats the headline (a story's heading in a feed of stories). */
  private static List<String> withoutHeadline(List<String> paragraphs, String headline) {
    if (paragraphs.isEmpty()) {
      return paragraphs;
    }
    String first = paragraphs.get(0).toLowerCase(Locale.ROOT);
    boolean repeats = first.length() >= 10 && headline.startsWith(first);
    return repeats ? paragraphs.subList(1, paragraphs.size()) : paragraphs;
  }

  /** The story's articleBody elements, else its {@code <article>}, else none. */
  private static List<Element> roots(Document doc) {
    List<Element> bodies = new ArrayList<>();
    for (Element e : doc.select("[itemprop]")) {
      if (isArticleBody(e) && e.closest("nav, aside, footer") == null) {
        bodies.add(e);
      }
    }
    Element best = largest(bodies);
    if (best != null) {
      Element story = storyOf(best);
      List<Element> same = new ArrayList<>();
      for (Element e : bodies) {
        boolean nested = e.parents().stream().anyMatch(MainText::isArticleBody);
        if (!nested && storyOf(e) == story) {
          same.add(e);
        }
      }
      return same;
    }
    List<Element> articles = new ArrayList<>();
    for (Element a : doc.select("article")) {
      if (a.closest("nav, aside, footer") == null) {
        articles.add(a);
      }
    }
    Element article = largest(articles);
    return article == null ? List.of() : List.of(story(doc, article));
  }

  /** The {@code <article>} or item around an articleBody, or null: the story it belongs to. */
  private static @Nullable Element storyOf(Element body) {
    Element parent = body.parent();
    return parent == null ? null : parent.closest("article, [itemscope]");
  }

  private static boolean isArticleBody(Element e) {
    for (String p : e.attr("itemprop").split("\\s+")) {
      if (p.equalsIgnoreCase("articleBody")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPlainArticle(Element e) {
    return e.normalName().equals("article") && !isArticleBody(e);
  }

  /**
   * Of the innermost {@code <article>}s inside {@code article} (a story with related posts, a feed
   * of stories), the one with the page's headline, else one that holds more than half the text,
   * else {@code article} itself.
   */
  private static Element story(Document doc, Element article) {
    List<Element> leaves = new ArrayList<>();
    for (Element a : article.select("article")) {
      if (a != article && a.select("article").size() == 1) {
        leaves.add(a);
      }
    }
    if (leaves.isEmpty()) {
      return article;
    }
    for (Element leaf : leaves) {
      if (leaf.selectFirst("h1") != null) {
        return leaf;
      }
    }
    String title = headline(doc);
    if (!title.isEmpty()) {
      for (Element leaf : leaves) {
        Element h = leaf.selectFirst("h2, h3");
        String heading = h == null ? "" : HtmlBoilerplate.normalise(h.text());
        if (heading.length() >= 10 && title.contains(heading.toLowerCase(Locale.ROOT))) {
          return leaf;
        }
      }
    }
    Element big = largest(leaves);
    return big != null && 2 * TextBlocks.length(big) > TextBlocks.length(article) ? big : article;
  }

  private static String headline(Document doc) {
    Element og = doc.selectFirst("meta[property=og:title][content]");
    String title = og != null ? og.attr("content") : doc.title();
    return HtmlBoilerplate.normalise(title).toLowerCase(Locale.ROOT);
  }

  /**
   * The article-body elements inside {@code article} ("article-body", "entry-content") if they hold
   * at least a third of its text, else {@code article}: the tighter body leaves out the standfirst,
   * the credits and the notes around it.
   */
  private static List<Element> bodyOf(Element article) {
    List<Element> bodies = new ArrayList<>();
    int length = 0;
    for (Element e : article.getAllElements()) {
      if (e != article
          && isBodyName(e)
          && bodies.stream().noneMatch(b -> e.parents().contains(b))) {
        bodies.add(e);
        length += TextBlocks.length(e);
      }
    }
    return length > 0 && 3 * length >= TextBlocks.length(article) ? bodies : List.of(article);
  }

  private static boolean isBodyName(Element e) {
    for (String c : e.classNames()) {
      if (BODY_NAME.matcher(c.toLowerCase(Locale.ROOT)).matches()) {
        return true;
      }
    }
    return BODY_NAME.matcher(e.id().toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * Whether an {@code <article>} that holds only part of the story (say, its header) should give
   * way to the densest element: one outside it with more than twice its text. An {@code
   * articleBody} is always trusted.
   */
  private static boolean outgrows(List<Element> dense, Element article) {
    int length = 0;
    for (Element e : dense) {
      if (e == article || e.parents().contains(article)) {
        return false;
      }
      length += TextBlocks.length(e);
    }
    return length > 2 * TextBlocks.length(article);
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

  private static List<String> paragraphs(List<Element> roots, HtmlBoilerplate boilerplate) {
    List<String> out = new ArrayList<>();
    for (Element root : roots) {
      out.addAll(TextBlocks.paragraphs(root, boilerplate));
    }
    return out;
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
