package org.annals.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The block of a page with the most paragraph text of its own, for pages that name no article: an
 * element whose own paragraphs ({@link TextBlocks#directLengths}) hold the most text, or a run of
 * like siblings (same tag and class) that together hold more, such as the sections of a body that
 * figures, ads or one-paragraph {@code <section>}s split. Siblings with a linked heading are teaser
 * cards, not sections, and do not add up. Stateless and thread-safe.
 */
final class DensestBlock {
  private DensestBlock() {}

  /** Siblings of one parent with one tag and one class attribute. */
  private record Kind(@Nullable Element parent, String tag, String className) {}

  /** The densest block under {@code body}, in document order; empty if it has no paragraphs. */
  static List<Element> of(Element body) {
    Map<Element, Integer> lengths = TextBlocks.directLengths(body);
    Map<Kind, List<Element>> kinds = new LinkedHashMap<>();
    Map<Kind, Integer> sums = new LinkedHashMap<>();
    List<Element> best = List.of();
    int bestLength = 0;
    for (Map.Entry<Element, Integer> e : lengths.entrySet()) {
      Element el = e.getKey();
      if (e.getValue() > bestLength) {
        best = List.of(el);
        bestLength = e.getValue();
      }
      if (el.parent() != null && el.selectFirst("h2 a, h3 a, h4 a, h5 a") == null) {
        Kind kind = new Kind(el.parent(), el.normalName(), el.className());
        kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(el);
        sums.merge(kind, e.getValue(), Integer::sum);
      }
    }
    for (Map.Entry<Kind, Integer> s : sums.entrySet()) {
      if (s.getValue() > bestLength) {
        best = kinds.get(s.getKey());
        bestLength = s.getValue();
      }
    }
    return best;
  }
}
