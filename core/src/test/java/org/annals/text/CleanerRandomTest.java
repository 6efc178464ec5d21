package org.annals.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.annals.lexicon.Lexicon;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Random scraped-looking text: the offset map must always point back into the original. */
final class CleanerRandomTest {
  private static final String[] PIECES = {
    "Police",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "fired",
    "â€˜",
    "â€™",
    "â€œ",
    "â€\u009d",
    "Ã©",
    "\u00A0",
    "\u200B",
    "‘",
    "’",
    "“",
    "”",
    "Read more on Iraq",
    "Share this article",
    ".",
    ",",
    "protesters",
    "é",
    "日本",
    "\uD83D\uDE00",
    "Â",
    "â€",
    "x"
  };
  private final Cleaner cleaner = new Cleaner(Lexicon.builtIn().boilerplate());

  @RepeatedTest(200)
  void clean_randomText_offsetsStayInsideAndInOrder(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    String original = b.toString();
    CleanText c = cleaner.clean(original);
    int previousStart = -1;
    for (int i = 0; i < c.text().length(); i++) {
      int s = c.toOriginalStart(i);
      int e = c.toOriginalEnd(i + 1);
      assertThat(s).isBetween(0, original.length() - 1);
      assertThat(e).isBetween(s + 1, original.length());
      assertThat(s).isGreaterThanOrEqualTo(previousStart);
      previousStart = s;
      char ch = c.text().charAt(i);
      if (Character.isLetterOrDigit(ch) && e - s == 1) {
        assertThat(original.charAt(s)).isEqualTo(ch);
      }
    }
    assertThat(c.text()).doesNotContain("  ").doesNotContain("\t").doesNotContain("\u200B");
  }
}
