package org.annals.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annals.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

final class CleanerTest {
  private final Cleaner cleaner = new Cleaner(Lexicon.builtIn().boilerplate());

  @Test
  void clean_mojibakeQuote_isRepairedAndNormalised() {
    String original = "He said â€˜noâ€™ to the plan.";
    CleanText c = cleaner.clean(original);
    assertThat(c.text()).isEqualTo("He said 'no' to the plan.");
  }

  @Test
  void clean_mojibakeSpan_mapsBackToTheBrokenBytes() {
    String original = "Protesters â€œstormedâ€\u009d the palace.";
    CleanText c = cleaner.clean(original);
    int s = c.text().indexOf("stormed");
    assertThat(original.substring(c.toOriginalStart(s), c.toOriginalEnd(s + 7)))
        .isEqualTo("stormed");
    int q = c.text().indexOf('"');
    assertThat(original.substring(c.toOriginalStart(q), c.toOriginalEnd(q + 1))).isEqualTo("â€œ");
  }

  @Test
  void clean_teaserAndNavigationLines_areDropped() {
    String original =
        "Troops entered the town.\nRead more on Iraq\nMost read in News\nShare this article\n"
            + "Residents fled.";
    CleanText c = cleaner.clean(original);
    assertThat(c.text()).isEqualTo("Troops entered the town.\n\nResidents fled.");
    assertThat(c.droppedLines()).isEqualTo(3);
  }

  @Test
  void clean_sentenceMentioningReading_isKept() {
    String original =
        "Read more carefully, the minister told reporters who had misquoted the decree on Monday.";
    assertThat(cleaner.clean(original).text()).isEqualTo(original);
  }

  @Test
  void clean_whitespaceRuns_collapseAndOffsetsStayExact() {
    String original = "  Police \t  arrested\u00A0 two   men.  ";
    CleanText c = cleaner.clean(original);
    assertThat(c.text()).isEqualTo("Police arrested two men.");
    int s = c.text().indexOf("two men");
    assertThat(original.substring(c.toOriginalStart(s), c.toOriginalEnd(s + 7)))
        .isEqualTo("two   men");
  }

  @Test
  void clean_blankLineParagraphs_joinWrappedLines() {
    String original = "Rebels attacked\nthe base.\n\nThe army responded.";
    assertThat(cleaner.clean(original).text())
        .isEqualTo("Rebels attacked the base.\n\nThe army responded.");
  }

  @Test
  void clean_everyCleanCharacter_mapsInsideTheOriginal() {
    String original = "A â€˜quoteâ€™\r\n\r\nB   line\nRead more on X\nC.";
    CleanText c = cleaner.clean(original);
    for (int i = 0; i < c.text().length(); i++) {
      assertThat(c.toOriginalStart(i)).isBetween(0, original.length() - 1);
      assertThat(c.toOriginalEnd(i + 1)).isGreaterThan(c.toOriginalStart(i));
    }
  }

  @Test
  void clean_mojibakeInsideWords_isRepaired() {
    String original = "The \u00C3\u00A9lite police entered Medell\u00C3n and Bogot\u00C3\u00A1.";
    CleanText c = cleaner.clean(original);
    assertThat(c.text()).isEqualTo("The élite police entered Medellín and Bogotá.");
    int m = c.text().indexOf("Medellín");
    assertThat(original.substring(c.toOriginalStart(m), c.toOriginalEnd(m + 8)))
        .isEqualTo("Medell\u00C3n");
  }

  @Test
  void clean_capitalAtildeOutsideLowerCaseWords_isKept() {
    assertThat(cleaner.clean("S\u00C3O PAULO and \u00C3 alone").text())
        .isEqualTo("S\u00C3O PAULO and \u00C3 alone");
  }

  @Test
  void clean_controlCharactersAndTerminalEscapes_areDropped() {
    String original = "Police\u0007 fired \u001B[31;1mtear gas\u001B[0m at\u0085 the\u0000 crowd.";
    CleanText c = cleaner.clean(original);
    assertThat(c.text()).isEqualTo("Police fired tear gas at the crowd.");
    for (int i = 0; i < c.text().length(); i++) {
      assertThat(original.substring(c.toOriginalStart(i), c.toOriginalEnd(i + 1)))
          .isEqualTo(String.valueOf(c.text().charAt(i)));
    }
  }

  @Test
  void asWritten_repairsAndDropsControls_keepingEverythingElse() {
    assertThat(Cleaner.asWritten("\u00C3\u00A9lite  \u201Cpolice\u201D\u001B[2J\u0007"))
        .isEqualTo("élite  \u201Cpolice\u201D");
    assertThat(Cleaner.asWritten("plain text")).isEqualTo("plain text");
  }

  @Test
  void parsePatterns_badRegex_namesFileAndLine() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Cleaner.parsePatterns("# ok\n(unclosed\n", "boilerplate.txt"))
        .hasMessageContaining("boilerplate.txt:2");
    assertThat(Cleaner.parsePatterns("a+\n#c\n\nb", "x")).hasSize(2);
    assertThat(List.of()).isEmpty();
  }
}
