package org.annals.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class WordPieceTest {
  private static WordPiece tokenizer;

  @BeforeAll
  static void load() {
    tokenizer = ModelFiles.tokenizer();
  }

  @Test
  void encode_sentence_givesTheBaseModelsWordPieceIds() {
    assertThat(tokenizer.encode("Protesters stormed the parliament building in Nairobi.", 96))
        .containsExactly(101, 13337, 16201, 1996, 3323, 2311, 1999, 21124, 1012, 102);
  }

  @Test
  void basic_lowercasesStripsAccentsAndSplitsPunctuation() {
    assertThat(WordPiece.basic("Café, naïve—ÉTAT!\u0007 Ok"))
        .containsExactly("cafe", ",", "naive", "—", "etat", "!", "ok");
  }

  @Test
  void encode_longText_isCutToTheLimitAndStillEndsWithSep() {
    int[] ids = tokenizer.encode("the talks went on ".repeat(100), 16);

    assertThat(ids).hasSize(16);
    assertThat(ids[0]).isEqualTo(WordPiece.CLS);
    assertThat(ids[15]).isEqualTo(WordPiece.SEP);
  }

  @Test
  void encode_randomText_alwaysFramedAndWithinTheVocabulary() {
    Random r = new Random(7);
    for (int n = 0; n < 500; n++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(200);
      for (int i = 0; i < len; i++) {
        b.appendCodePoint(r.nextInt(10) < 7 ? 32 + r.nextInt(95) : r.nextInt(0x3000));
      }
      int max = 4 + r.nextInt(120);
      int[] ids = tokenizer.encode(b.toString(), max);
      assertThat(ids.length).isBetween(2, max);
      assertThat(ids[0]).isEqualTo(WordPiece.CLS);
      assertThat(ids[ids.length - 1]).isEqualTo(WordPiece.SEP);
      for (int id : ids) {
        assertThat(id).isBetween(0, 30521);
      }
    }
  }
}
