package org.annals.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FeedArticlesTest {
  @TempDir Path dir;
  private final List<RawArticle> articles = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final ArticleReader reader = new ArticleReader(articles::add, problems::add);

  private void read(Path path) {
    reader.read(path.toString(), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void read_rssFeed_givesOneArticlePerItemWithText() {
    Path feed = HtmlArticlesTest.fixture("feed.rss");
    read(feed);
    assertThat(articles).hasSize(2);
    assertThat(articles.get(0))
        .satisfies(
            a -> {
              assertThat(a.id())
                  .isEqualTo(ArticleReader.hashedId("f", "valley-herald-10231"))
                  .startsWith("f")
                  .hasSize(17);
              assertThat(a.title()).isEqualTo("Farmers block the ring road");
              assertThat(a.url())
                  .isEqualTo("https://valley-herald.example/2024/05/farmers-block-ring-road");
              assertThat(a.published()).isEqualTo(LocalDate.of(2024, 5, 9));
              assertThat(a.source()).isEqualTo("Valley Herald");
              assertThat(a.origin()).isEqualTo(feed + "#1");
              assertThat(a.text())
                  .isEqualTo(
                      "Farmers blocked the ring road around Eastford with tractors on Thursday morning.\n\n"
                          + "They are protesting against lower milk prices, a spokesman said.");
            });
    assertThat(articles.get(1))
        .satisfies(
            a -> {
              assertThat(a.id())
                  .isEqualTo(
                      ArticleReader.hashedId(
                          "f", "https://valley-herald.example/2024/05/bus-timetable"));
              assertThat(a.title()).isEqualTo("Council & unions agree on bus timetable");
              assertThat(a.published()).isEqualTo(LocalDate.of(2024, 5, 8));
              assertThat(a.text())
                  .isEqualTo(
                      "The council and the transport unions agreed a new bus timetable.\n\nIt starts in June.");
            });
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("empty");
              assertThat(p.origin()).isEqualTo(feed + "#3");
              assertThat(p.message()).contains("Photo gallery: spring fair").contains("no text");
            });
  }

  @Test
  void read_atomFeed_readsHtmlAndXhtmlContent() {
    read(HtmlArticlesTest.fixture("feed.atom"));
    assertThat(problems).isEmpty();
    assertThat(articles).hasSize(2);
    assertThat(articles.get(0))
        .satisfies(
            a -> {
              assertThat(a.id())
                  .isEqualTo(
                      ArticleReader.hashedId("f", "tag:northern-ledger.example,2024:entry-77"));
              assertThat(a.title()).isEqualTo("Miners end sit-in at pit head");
              assertThat(a.url())
                  .isEqualTo("https://northern-ledger.example/2024/06/miners-end-sit-in");
              assertThat(a.published()).isEqualTo(LocalDate.of(2024, 6, 1));
              assertThat(a.source()).isEqualTo("Northern Ledger");
              assertThat(a.text())
                  .isEqualTo(
                      "Forty miners ended a three-day sit-in at the pit head near Coldwater on Saturday.\n\n"
                          + "The company agreed to review safety rules.");
            });
    assertThat(articles.get(1))
        .satisfies(
            a -> {
              assertThat(a.url())
                  .isEqualTo("https://northern-ledger.example/2024/06/ferry-resumes");
              assertThat(a.published()).isEqualTo(LocalDate.of(2024, 6, 2));
              assertThat(a.text())
                  .isEqualTo(
                      "The island ferry resumed service on Sunday after the storm.\n\n"
                          + "First sailing: 7 am\n\nLast sailing: 9 pm");
            });
  }

  @Test
  void read_xmlThatIsNotAFeed_givesOneProblem() throws IOException {
    Path xml = dir.resolve("pom.xml");
    Files.writeString(
        xml, "<?xml version=\"1.0\"?><project><name>x</name></project>", StandardCharsets.UTF_8);
    read(xml);
    assertThat(articles).isEmpty();
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("not-a-feed");
              assertThat(p.message()).contains("RSS").contains("Atom").contains("<project>");
            });
  }

  @Test
  void read_feedOnStdin_isSniffed() throws IOException {
    byte[] feed = Files.readAllBytes(HtmlArticlesTest.fixture("feed.atom"));
    reader.read("-", new ByteArrayInputStream(feed));
    assertThat(articles).extracting(RawArticle::origin).containsExactly("stdin#1", "stdin#2");
  }
}
