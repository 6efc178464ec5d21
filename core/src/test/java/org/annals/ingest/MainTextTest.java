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
}
