package org.annals.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

final class MainTextTest {
  private static final String A =
      "The river rose by two metres overnight and flooded the lower town.";
  private static final String B = "About eighty families spent the night in the sports hall.";
  private static final String C = "The mayor said the clean-up would take at least a week.";

  private static String text(String html) {
    return MainText.extract(Jsoup.parse(html), HtmlBoilerplate.builtIn());
  }

  private static String joined(String... paragraphs) {
    return String.join("\n\n", paragraphs);
  }

  @Test
  void extract_textSeparatedByBr_readsTheLinesNotTheSiteBlurb() {
    String html =
        "<div id=head><p>The Lowtown Echo has been the voice of the lower valley for over a"
            + " hundred years.</p></div><div class=story><b>Staff reporter</b><br>"
            + A
            + "<br><br>"
            + B
            + "<br/><br/>"
            + C
            + "</div>";
    assertThat(text(html)).isEqualTo(joined(A, B, C));
  }

  @Test
  void extract_articleElementOfLooseText_readsTheText() {
    String html =
        "<p>The Lowtown Echo: news and weather for the lower valley since 1890.</p>"
            + "<article><h1>Flood</h1><div>"
            + A
            + "<br>"
            + B
            + "</div></article>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_articleBodyOfDivs_readsEachDiv() {
    String html =
        "<div class=teasers><p>Our photographers cover weddings and school sports days.</p>"
            + "<p>Ask at the front desk of our office about our prices.</p></div>"
            + "<div itemprop=articleBody><div>"
            + A
            + "</div><div><span>"
            + B
            + "</span></div><div>Photo by Lin Oake</div></div>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_articleBodyOfTextWithoutParagraphs_readsTheText() {
    String html =
        "<div class=story-text itemprop=\"articleBody\">"
            + A
            + "<br><br>"
            + B
            + "</div><div><p>Subscribers get the paper delivered to their door every Saturday.</p>"
            + "<p>Ask at the front desk of our office about our prices.</p></div>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_articleWrappingRelatedPosts_readsTheNestedStory() {
    String html =
        "<article class=page><article class=story><h1>Flood</h1><p>"
            + A
            + "</p><p>"
            + B
            + "</p></article><section><h2>More news</h2>"
            + "<article><h3><a>Bridge closed</a></h3><p>The old bridge was closed to traffic on"
            + " Monday while engineers checked its arches after the flood.</p></article>"
            + "<article><h3><a>Schools shut</a></h3><p>Three schools in the lower town stayed shut"
            + " on Tuesday because their playgrounds were under water.</p></article>"
            + "<article><h3><a>Fund opens</a></h3><p>A relief fund for families whose homes were"
            + " flooded opened on Wednesday with a gift from the council.</p></article>"
            + "</section></article>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_feedOfArticles_readsTheOneWithTheHeadline() {
    String html =
        "<head><meta property=og:title content=\"River floods the lower town\"></head>"
            + "<article><article><h2>Bus route changes</h2><p>The number 9 bus will no longer stop"
            + " on Mill Lane because of roadworks that are due to last until the end of"
            + " term.</p></article><article><h2>River floods the lower town</h2><p>"
            + A
            + "</p></article></article>";
    assertThat(text(html)).isEqualTo(A);
  }

  @Test
  void extract_articleBodySplitByFigures_readsEveryPartInOrder() {
    String html =
        "<div itemprop=articleBody><p>"
            + A
            + "</p><p>"
            + B
            + "</p></div><figure><img src=a.jpg></figure>"
            + "<div itemprop=\"articleBody text\"><p>"
            + C
            + "</p></div>";
    assertThat(text(html)).isEqualTo(joined(A, B, C));
  }

  @Test
  void extract_articleBodiesOfTwoStories_readsOnlyTheLongerStory() {
    String html =
        "<article><div itemprop=articleBody><p>"
            + A
            + "</p><p>"
            + B
            + "</p></div></article><article><div itemprop=articleBody><p>"
            + C
            + "</p></div></article>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_bodySectionsBetweenFigures_readsAllSectionsInOrder() {
    String html =
        "<div class=main><div class=block><p>"
            + A
            + "</p><p>"
            + B
            + "</p></div><div class=media><img src=a.jpg><span>Photo: Lin Oake</span></div>"
            + "<div class=block><p>"
            + C
            + "</p></div><div class=note><p>Send us your flood photographs and videos.</p></div>"
            + "</div>";
    assertThat(text(html)).isEqualTo(joined(A, B, C));
  }

  @Test
  void extract_galleryInsideTheArticle_isDropped() {
    String html =
        "<article><p>"
            + A
            + "</p><div class=photos><ul><li><img src=1.jpg><span>Sandbags piled outside the"
            + " bakery on Mill Street.</span></li><li><img src=2.jpg><span>A boat moored by"
            + " the bus stop.</span></li></ul><p>Close</p><p>Caption</p><p>Image 2 of 9</p></div>"
            + "<p>"
            + B
            + "</p></article>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_listOfLinksInsideTheBody_isDroppedAndOtherListsKept() {
    String html =
        "<article><p>"
            + A
            + "</p><ul><li><a href=/1>Bridge closed after the flood</a></li>"
            + "<li><a href=/2>Schools shut in the lower town</a></li></ul>"
            + "<ul><li>two schools are shut;</li><li>the <a href=/b>bridge</a> is closed.</li></ul>"
            + "<p><a href=/3>Relief fund opens for flooded families</a></p></article>";
    assertThat(text(html)).isEqualTo(joined(A, "two schools are shut;", "the bridge is closed."));
  }

  @Test
  void extract_authorContactLines_areDropped() {
    String html =
        "<article><p>"
            + A
            + "</p><p>"
            + B
            + "</p><p>Ann Rowe covers the valley. Reach her at arowe@echo.example or follow her"
            + " on Twitter @annrowe.</p><p>Contact the newsroom: news@echo.example</p>"
            + "<p>Follow us on Twitter: @lowtownecho</p></article>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_articleBodyDivInsideArticle_isPreferredToTheRestOfTheArticle() {
    String html =
        "<article><div class=top><p class=dek>Water reached the market square by dawn on"
            + " Sunday.</p><p>Story by Ann Rowe, valley reporter</p></div>"
            + "<div class=article-body><p>"
            + A
            + "</p><p>"
            + B
            + "</p></div><div class=extras><p>This story has been updated with the number of"
            + " families.</p></div></article>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_deeplyNestedMarkup_doesNotOverflowTheStack() {
    String html = "<div>" + "<font>".repeat(20_000) + A + "<br>" + B;
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_oneParagraphSectionsWithoutAnArticle_readsThemAll() {
    String html =
        "<main><section class=par><p>"
            + A
            + "</p></section><div class=promo-app><a>Get our app</a></div><section class=par><p>"
            + B
            + "</p></section></main><div class=bio><p>Local reporting on this site is paid for by a"
            + " public scheme for newsrooms across the country.</p></div>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }

  @Test
  void extract_teaserCardsWithLinkedHeadings_doNotAddUpToTheStory() {
    String card =
        "<div class=card><h3><a href=/x>Storm warning</a></h3><p>Forecasters expect more rain"
            + " this week across the whole valley and the hills.</p></div>";
    String html =
        "<div class=main><p>" + A + "</p><p>" + B + "</p></div><div>" + card.repeat(4) + "</div>";
    assertThat(text(html)).isEqualTo(joined(A, B));
  }
}
