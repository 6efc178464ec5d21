package org.annals.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HtmlArticlesTest {
  @TempDir Path dir;
  private final List<RawArticle> articles = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final ArticleReader reader = new ArticleReader(articles::add, problems::add);

  static Path fixture(String name) {
    URL url =
        Objects.requireNonNull(HtmlArticlesTest.class.getResource("/test-documents/" + name), name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void read(Path path) {
    reader.read(path.toString(), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void read_articlePageWithBoilerplate_keepsOnlyTheArticleParagraphs() {
    Path page = fixture("article-full.html");
    read(page);
    assertThat(problems).isEmpty();
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("article-full");
              assertThat(a.origin()).isEqualTo(page.toString());
              assertThat(a.title())
                  .isEqualTo("Flood waters reach Millbrook as river bursts its banks");
              assertThat(a.published()).isEqualTo(LocalDate.of(2023, 3, 14));
              assertThat(a.url())
                  .isEqualTo("https://www.riverside-gazette.example/news/2023/03/millbrook-flood");
              assertThat(a.source()).isEqualTo("Riverside Gazette");
              assertThat(a.text())
                  .isEqualTo(
                      "Flood waters reached the town of Millbrook on Tuesday after the river burst its banks"
                          + " following three days of heavy rain.\n\n"
                          + "Emergency crews evacuated about 200 residents from homes near the old mill, the"
                          + " district council said.\n\n"
                          + "The council said schools would stay closed until Friday.");
            });
  }

  @Test
  void read_pageWithoutArticleElement_findsTheTextByParagraphDensity() {
    read(fixture("article-density.html"));
    assertThat(problems).isEmpty();
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("article-density");
              assertThat(a.title()).isEqualTo("Harbour strike ends after two weeks");
              assertThat(a.published()).isEqualTo(LocalDate.of(2021, 11, 2));
              assertThat(a.url()).isNull();
              assertThat(a.source()).isNull();
              assertThat(a.text())
                  .isEqualTo(
                      "Dock workers in the port of Saltmarsh returned to work on Tuesday after a two-week"
                          + " strike over pay ended with a new agreement.\n\n"
                          + "The union said its members had accepted an offer of a five percent rise.\n\n"
                          + "Ships wait offshore\n\n"
                          + "More than thirty ships had been waiting offshore to unload, the harbour master said.");
            });
  }

  @Test
  void read_indexPage_isReportedAsEmpty() {
    Path page = fixture("index-page.html");
    read(page);
    assertThat(articles).isEmpty();
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("empty");
              assertThat(p.origin()).isEqualTo(page.toString());
              assertThat(p.message()).contains("no article text found").contains("index page");
            });
  }

  @Test
  void read_windows1252PageDeclaredInMeta_isDecoded() {
    read(fixture("windows-1252.html"));
    assertThat(problems).isEmpty();
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("Café owners protest new rules");
              assertThat(a.text())
                  .isEqualTo(
                      "Café owners in Lakeside marched to the town hall on Monday — the second protest this"
                          + " month.\n\n“We were never asked,” one owner said of the new licensing rules.");
            });
  }

  @Test
  void read_ogMetadataAndRelativeCanonical_useTheMetaAndTheHostAsSource() throws IOException {
    String html =
        "<html><head><meta property=\"og:title\" content=\"Bridge  reopens\">"
            + "<meta property=\"og:url\" content=\"https://www.town-news.example/bridge\">"
            + "<link rel=\"canonical\" href=\"/bridge\">"
            + "<meta name=\"parsely-pub-date\" content=\"2020-02-03 10:00\"></head>"
            + "<body><h1>Other</h1><div itemprop=\"articleBody\"><p>The old bridge reopened.</p>"
            + "<div class=\"social-links\"><p>Follow us</p></div></div></body></html>";
    Path page = dir.resolve("bridge.htm");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    read(page);
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("Bridge reopens");
              assertThat(a.url()).isEqualTo("https://www.town-news.example/bridge");
              assertThat(a.source()).isEqualTo("town-news.example");
              assertThat(a.published()).isEqualTo(LocalDate.of(2020, 2, 3));
              assertThat(a.text()).isEqualTo("The old bridge reopened.");
            });
  }

  @Test
  void read_articleElementHoldingOnlyTheHeader_givesWayToTheDensestElement() throws IOException {
    String html =
        "<html><body><article><h2>Dam protest grows</h2><p>By a reporter</p></article>"
            + "<div class=\"text\"><p>Hundreds of villagers marched against the new dam on Friday.</p>"
            + "<p>They said the reservoir would flood their fields and the old church.</p></div>"
            + "</body></html>";
    Path page = dir.resolve("dam.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    read(page);
    assertThat(articles)
        .singleElement()
        .extracting(RawArticle::text)
        .isEqualTo(
            "Hundreds of villagers marched against the new dam on Friday.\n\n"
                + "They said the reservoir would flood their fields and the old church.");
  }

  @Test
  void readHtml_pageInMemory_usesTheGivenIdAndUrl() {
    byte[] html =
        "<article><p>Troops left the border post on Sunday.</p></article>"
            .getBytes(StandardCharsets.UTF_8);
    reader.readHtml("post-1", "api", html, "https://border-news.example/a/1");
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("post-1");
              assertThat(a.url()).isEqualTo("https://border-news.example/a/1");
              assertThat(a.source()).isEqualTo("border-news.example");
              assertThat(a.text()).isEqualTo("Troops left the border post on Sunday.");
            });
  }

  @Test
  void isBoilerplate_articleBodyClass_isNeverDropped() {
    var doc =
        Jsoup.parse(
            "<div class=\"article-body share-tools\"></div><div class=\"story__content\"></div>"
                + "<div class=\"commentary\"></div><div id=\"comments\"></div><div class=\"ad-slot\"></div>");
    var bp = HtmlBoilerplate.builtIn();
    assertThat(doc.select("div"))
        .extracting(bp::isBoilerplate)
        .containsExactly(false, false, false, true, true);
  }

  private static HtmlArticles.Page page(String html) {
    return HtmlArticles.extract(Jsoup.parse(html), null, LocalDate.of(2019, 11, 21));
  }

  private static String withTitle(String head) {
    return "<html><head>" + head + "</head><body><article><p>The dam held.</p></article></body>";
  }

  @Test
  void extract_titleEndingInTheSiteName_dropsIt() {
    assertThat(
            page(withTitle(
                    "<title>Dam holds - Valley Times</title>"
                        + "<meta property=og:site_name content=\"Valley Times\">"))
                .title())
        .isEqualTo("Dam holds");
    assertThat(
            page(withTitle(
                    "<meta property=og:title content=\"Dam holds | The Valley Times\">"
                        + "<link rel=canonical href=\"https://www.valleytimes.example/dam\">"))
                .title())
        .isEqualTo("Dam holds");
    assertThat(
            page(withTitle(
                    "<title>Valley Times News – Dam holds</title>"
                        + "<meta property=og:site_name content=\"Valley Times\">"))
                .title())
        .isEqualTo("Dam holds");
  }

  @Test
  void extract_titleWithADashThatIsNoSiteName_keepsIt() {
    assertThat(
            page(withTitle(
                    "<title>Dam holds - what we know</title>"
                        + "<meta property=og:site_name content=\"Valley Times\">"))
                .title())
        .isEqualTo("Dam holds - what we know");
  }

  @Test
  void extract_placeholderDates_areRefusedAndTheNextSourceUsed() {
    String html =
        "<html><head><meta property=article:published_time content=\"0001-01-01T00:00:00Z\">"
            + "<meta itemprop=datePublished content=\"1970-01-01T00:00:00Z\"></head><body>"
            + "<article><p class=meta>Published 10:32 AM EST Nov 19, 2019</p>"
            + "<p>The dam held.</p></article></body></html>";
    assertThat(page(html).published()).isEqualTo(LocalDate.of(2019, 11, 19));
  }

  @Test
  void extract_dateAfterTheFetch_isRefusedForArticlePublished() {
    String html =
        "<html><head><meta property=article:published_time content=\"2019-12-25T08:00:00Z\">"
            + "<meta property=article:published content=\"2019-11-18\"></head>"
            + "<body><article><p>The dam held.</p></article></body></html>";
    assertThat(page(html).published()).isEqualTo(LocalDate.of(2019, 11, 18));
  }

  @Test
  void extract_multiValuedItemprop_givesTheDate() {
    String html =
        "<html><body><article><time itemprop=\"datePublished dateCreated\""
            + " datetime=\"2019-11-17T10:00:00+01:00\">Sunday</time><p>The dam held.</p>"
            + "</article></body></html>";
    assertThat(page(html).published()).isEqualTo(LocalDate.of(2019, 11, 17));
  }

  @Test
  void extract_dateWithAnOffset_isTheLocalDateWritten() {
    String late = "<meta property=article:published_time content=\"2019-11-19T23:30:00-05:00\">";
    String utc = "<meta property=article:published_time content=\"2019-11-19T23:30:00Z\">";
    assertThat(page(withTitle(late)).published()).isEqualTo(LocalDate.of(2019, 11, 19));
    assertThat(page(withTitle(utc)).published()).isEqualTo(LocalDate.of(2019, 11, 19));
    assertThat(Dates.parse("2019-11-19T23:30:00.000-0500")).isEqualTo(LocalDate.of(2019, 11, 19));
    assertThat(Dates.parse("Tue, 19 Nov 2019 23:30:00 -0500"))
        .isEqualTo(LocalDate.of(2019, 11, 19));
  }

  @Test
  void read_pageDatedInTheFuture_hasNoDate() {
    byte[] html =
        ("<html><head><meta property=article:published_time content=\""
                + LocalDate.now(ZoneOffset.UTC).plusDays(3)
                + "\"></head><body><article><p>The dam held.</p></article></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    reader.readHtml("dam", "api", html, null);
    assertThat(articles).singleElement().extracting(RawArticle::published).isNull();
  }
}
