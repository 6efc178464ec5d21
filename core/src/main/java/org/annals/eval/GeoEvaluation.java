package org.annals.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.annals.event.PlaceMention;
import org.annals.ingest.RawArticle;
import org.annals.place.GeoPlace;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Scores toponym recognition and resolution end to end from raw text against the geoparsing sets of
 * Gritta et al. 2019 (GeoWebNews {@code <article><text><toponyms><toponym>} and GeoVirus {@code
 * <article><text><locations><location>}).
 *
 * <p>Gold toponyms are those with coordinates. A gold toponym is recognised when a predicted
 * mention overlaps its span; it is resolved correctly when that mention's point lies within 161 km
 * of the gold point (a mention without coordinates counts as wrong). Precision counts a prediction
 * correct when it overlaps any gold toponym (GeoWebNews: any type but the non-toponym and
 * expression types; GeoVirus annotates fewer places, so its precision is a lower bound).
 */
public final class GeoEvaluation {
  private static final List<String> NOT_TOPONYMS =
      List.of("Non_Toponym", "Literal_Expression", "Non_Lit_Expression", "Language", "Homonym");

  /** A gold toponym. */
  record Gold(
      int start, int end, String name, String type, @Nullable Double lat, @Nullable Double lon) {}

  /** A gold article. */
  record Article(String id, String text, @Nullable String url, List<Gold> gold) {}

  /** The figures {@link #score} prints. */
  public record Result(
      int gold,
      int recognised,
      int predicted,
      int correctPredictions,
      int within161,
      double meanKm,
      double medianKm) {
    public double recall() {
      return gold == 0 ? 0 : (double) recognised / gold;
    }

    public double precision() {
      return predicted == 0 ? 0 : (double) correctPredictions / predicted;
    }

    /** Accuracy within 161 km over the recognised gold toponyms. */
    public double accuracy161() {
      return recognised == 0 ? 0 : (double) within161 / recognised;
    }
  }

  private final Function<RawArticle, List<PlaceMention>> placer;
  private final PrintStream out;
  private final @Nullable PrintStream errors;

  public GeoEvaluation(
      Function<RawArticle, List<PlaceMention>> placer,
      PrintStream out,
      @Nullable PrintStream errors) {
    this.placer = placer;
    this.out = out;
    this.errors = errors;
  }

  /** Reads a GeoWebNews or GeoVirus XML file. */
  static List<Article> read(Path file) throws IOException {
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(
          file
              + " is not a geoparsing XML file ("
              + e.getMessage()
              + "); expected GeoWebNews or GeoVirus XML",
          e);
    }
    List<Article> out = new ArrayList<>();
    NodeList articles = doc.getElementsByTagName("article");
    for (int i = 0; i < articles.getLength(); i++) {
      Element a = (Element) articles.item(i);
      String text = child(a, "text");
      if (text == null) {
        throw new IOException(file + ": article " + (i + 1) + " has no <text>");
      }
      String id = a.hasAttribute("file") ? a.getAttribute("file") : String.valueOf(i);
      List<Gold> gold = new ArrayList<>();
      for (String tag : List.of("toponym", "location")) {
        NodeList ts = a.getElementsByTagName(tag);
        for (int k = 0; k < ts.getLength(); k++) {
          Element t = (Element) ts.item(k);
          String name =
              child(t, "extractedName") != null ? child(t, "extractedName") : child(t, "name");
          String type = child(t, "type") == null ? "Literal" : child(t, "type");
          gold.add(
              new Gold(
                  Integer.parseInt(child(t, "start")),
                  Integer.parseInt(child(t, "end")),
                  name == null ? "" : name,
                  type,
                  number(child(t, "latitude"), child(t, "lat")),
                  number(child(t, "longitude"), child(t, "lon"))));
        }
      }
      // The article's web address (GeoWebNews <link>, GeoVirus <source>): outlet evidence.
      String url = child(a, "link") != null ? child(a, "link") : child(a, "source");
      out.add(new Article(file.getFileName() + "#" + id, text, url, gold));
    }
    return out;
  }

  private static @Nullable String child(Element e, String tag) {
    NodeList l = e.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }

  private static @Nullable Double number(@Nullable String a, @Nullable String b) {
    String v = a != null && !a.isBlank() ? a : b;
    return v == null || v.isBlank() ? null : Double.valueOf(v.strip());
  }

  public Result score(Path file) throws IOException {
    List<Article> articles = read(file);
    int gold = 0;
    int recognised = 0;
    int predicted = 0;
    int correct = 0;
    int within = 0;
    List<Double> km = new ArrayList<>();
    Map<String, int[]> byType = new TreeMap<>();
    Map<String, int[]> byPrecision = new TreeMap<>(); // recognised, within 161 km
    for (Article a : articles) {
      List<PlaceMention> ps =
          placer.apply(
              new RawArticle(a.id(), null, a.text(), null, a.url(), null, file + ":" + a.id()));
      predicted += ps.size();
      for (PlaceMention p : ps) {
        boolean hit =
            a.gold().stream().anyMatch(g -> !NOT_TOPONYMS.contains(g.type()) && overlaps(g, p));
        correct += hit ? 1 : 0;
        if (!hit) {
          error("extra", a, p.text(), p.start(), p.place().name() + " " + p.use());
        }
      }
      for (Gold g : a.gold()) {
        if (g.lat() == null || g.lon() == null) {
          continue;
        }
        gold++;
        int[] t = byType.computeIfAbsent(g.type(), k -> new int[3]);
        t[0]++;
        PlaceMention p = ps.stream().filter(x -> overlaps(g, x)).findFirst().orElse(null);
        if (p == null) {
          error("missed", a, g.name(), g.start(), g.type());
          continue;
        }
        recognised++;
        t[1]++;
        if (p.place().lat() == null || p.place().lon() == null) {
          error("unresolved", a, g.name(), g.start(), p.rule());
          continue;
        }
        double d = GeoPlace.km(g.lat(), g.lon(), p.place().lat(), p.place().lon());
        km.add(d);
        int[] byP =
            byPrecision.computeIfAbsent(String.valueOf(p.place().precision()), k -> new int[2]);
        byP[0]++;
        if (d <= 161) {
          within++;
          t[2]++;
          byP[1]++;
        } else {
          error(
              "far",
              a,
              g.name(),
              g.start(),
              String.format(
                  Locale.ROOT,
                  "%.0f km: %s %s (%s) %s",
                  d,
                  p.place().name(),
                  p.place().country(),
                  p.place().precision(),
                  p.rule()));
        }
      }
    }
    double[] ks = km.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = Arrays.stream(ks).average().orElse(0);
    double median =
        ks.length == 0
            ? 0
            : ks.length % 2 == 1
                ? ks[ks.length / 2]
                : (ks[ks.length / 2 - 1] + ks[ks.length / 2]) / 2;
    Result r = new Result(gold, recognised, predicted, correct, within, mean, median);
    out.printf(
        Locale.ROOT,
        "geo: %s, %d articles, %d gold toponyms with coordinates%n",
        file.getFileName(),
        articles.size(),
        gold);
    out.printf(Locale.ROOT, "  toponym recall      %.3f (%d/%d)%n", r.recall(), recognised, gold);
    out.printf(
        Locale.ROOT,
        "  toponym precision   %.3f (%d/%d predicted mentions overlap a gold toponym)%n",
        r.precision(),
        correct,
        predicted);
    out.printf(
        Locale.ROOT,
        "  accuracy@161km      %.3f (%d/%d recognised)%n",
        r.accuracy161(),
        within,
        recognised);
    out.printf(
        Locale.ROOT,
        "  error km            mean %.0f, median %.1f (%d resolved)%n",
        mean,
        median,
        ks.length);
    out.println("  by predicted precision  resolved  acc@161   (areas: the point is a convention)");
    byPrecision.forEach(
        (precision, t) ->
            out.printf(Locale.ROOT, "  %-22s %9d  %7.3f%n", precision, t[0], (double) t[1] / t[0]));
    if (byType.size() > 1) {
      out.println("  by gold type         gold  recall  acc@161");
      byType.forEach(
          (type, t) ->
              out.printf(
                  Locale.ROOT,
                  "  %-20s %5d  %6.3f  %6.3f%n",
                  type,
                  t[0],
                  t[0] == 0 ? 0 : (double) t[1] / t[0],
                  t[1] == 0 ? 0 : (double) t[2] / t[1]));
    }
    return r;
  }

  private static boolean overlaps(Gold g, PlaceMention p) {
    return p.start() < g.end() && g.start() < p.end();
  }

  private void error(String kind, Article a, String name, int start, String detail) {
    if (errors != null) {
      errors.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%s%n", kind, a.id(), start, name, detail);
    }
  }
}
