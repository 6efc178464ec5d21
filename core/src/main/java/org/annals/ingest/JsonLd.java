package org.annals.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON-LD blocks ({@code <script type="application/ld+json">}) of a page say about its
 * article. Article-typed nodes ({@code NewsArticle}, {@code BlogPosting}, …) are asked first, then
 * any other node, including those inside {@code @graph} arrays. Blocks that are not valid JSON are
 * ignored.
 *
 * @param headline the {@code headline}
 * @param datePublished the {@code datePublished}, as written
 * @param publisher the {@code publisher.name}
 */
record JsonLd(
    @Nullable String headline, @Nullable String datePublished, @Nullable String publisher) {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  static JsonLd of(Document doc) {
    List<JsonNode> articles = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String data = script.data().strip();
      if (data.startsWith("<!--") && data.endsWith("-->")) {
        data = data.substring(4, data.length() - 3);
      }
      try {
        collect(JSON.readTree(data), articles, others);
      } catch (JsonProcessingException e) {
        // sites publish broken JSON-LD: use the other metadata
      }
    }
    articles.addAll(others);
    String publisher = null;
    for (JsonNode n : articles) {
      publisher = name(n.get("publisher"));
      if (publisher != null) {
        break;
      }
    }
    return new JsonLd(first(articles, "headline"), first(articles, "datePublished"), publisher);
  }

  private static void collect(
      @Nullable JsonNode node, List<JsonNode> articles, List<JsonNode> others) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, articles, others));
    } else if (node.isObject()) {
      (isArticle(node.get("@type")) ? articles : others).add(node);
      collect(node.get("@graph"), articles, others);
    }
  }

  private static boolean isArticle(@Nullable JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText();
    return t.endsWith("Article") || t.endsWith("BlogPosting") || t.equals("ReportageNews");
  }

  private static @Nullable String first(List<JsonNode> nodes, String field) {
    for (JsonNode n : nodes) {
      String value = text(n.get(field));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static @Nullable String name(@Nullable JsonNode publisher) {
    if (publisher == null) {
      return null;
    }
    if (publisher.isArray()) {
      for (JsonNode p : publisher) {
        String n = name(p);
        if (n != null) {
          return n;
        }
      }
      return null;
    }
    return publisher.isObject() ? text(publisher.get("name")) : text(publisher);
  }

  private static @Nullable String text(@Nullable JsonNode v) {
    if (v == null || !v.isValueNode()) {
      return null;
    }
    String s = HtmlBoilerplate.normalise(v.asText());
    return s.isEmpty() ? null : s;
  }
}
