package org.annals.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.junit.jupiter.api.Test;

class RecogniserTest {
  private static final Lexicon LEXICON = Lexicon.builtIn();
  private static final Recogniser RECOGNISER = new Recogniser(Gazetteer.load(LEXICON), LEXICON);

  /**
   * Builds an analysed document from sentences written as "word/TAG word ...", where TAG is the
   * entity tagger's label (O for none).
   */
  private static AnnotatedDocument doc(String... sentences) {
    StringBuilder text = new StringBuilder();
    List<Sentence> out = new ArrayList<>();
    for (String line : sentences) {
      int sentenceStart = text.length();
      List<Token> tokens = new ArrayList<>();
      List<EntityMention> entities = new ArrayList<>();
      for (String tagged : line.split(" ")) {
        int slash = tagged.lastIndexOf('/');
        String word = tagged.substring(0, slash);
        String tag = tagged.substring(slash + 1);
        int at = text.length();
        text.append(word).append(' ');
        tokens.add(
            new Token(word, word, "NNP", tag.equals("O") ? null : tag, at, at + word.length()));
        if (!tag.equals("O")) {
          entities.add(new EntityMention(tokens.size() - 1, tokens.size(), tag, word));
        }
      }
      out.add(
          new Sentence(
              out.size(),
              sentenceStart,
              text.length() - 1,
              tokens,
              List.of(),
              entities,
              List.of(),
              true));
    }
    return new AnnotatedDocument(text.toString(), out);
  }

  private static long mentionsOf(List<Mention> mentions, String word) {
    return mentions.stream().filter(m -> m.toponym().text().equals(word)).count();
  }

  @Test
  void aNameTaggedAPlaceMoreOftenThanAPerson_staysAPlace() {
    List<Mention> mentions =
        RECOGNISER.mentions(
            doc(
                "Aid/O reached/O Samos/LOCATION on/O Monday/O ./O",
                "Ferries/O to/O Samos/LOCATION stopped/O ./O",
                "Samos/PERSON said/O no/O ./O"));
    // the tagger's one PERSON ("Samos said") does not make the island a person everywhere
    assertThat(mentionsOf(mentions, "Samos")).isEqualTo(2);
  }

  @Test
  void aTaggedLocationTheGazetteerNameWasSetAsideFor_saysWhy() {
    List<Mention> mentions = RECOGNISER.mentions(doc("Governor/O Austin/LOCATION spoke/O ./O"));
    // "Austin" after a title is taken for a person's name; the tagger's LOCATION still comes out,
    // unresolved, and its evidence says why the gazetteer's Austin was not used
    assertThat(mentions).hasSize(1);
    assertThat(mentions.get(0).toponym().place()).isNull();
    assertThat(mentions.get(0).toponym().rule())
        .isEqualTo(
            "named entity LOCATION; the gazetteer's 'Austin' set aside: a name after a title");
  }

  @Test
  void aNameTaggedAPersonMoreOftenThanAPlace_isAPersonEverywhere() {
    List<Mention> mentions =
        RECOGNISER.mentions(
            doc(
                "Mayor/O Jackson/PERSON spoke/O ./O",
                "Jackson/PERSON left/O ./O",
                "Fans/O thanked/O Jackson/O ./O"));
    // "Jackson" alone, after the person named twice, is that person, not a town called Jackson
    assertThat(mentionsOf(mentions, "Jackson")).isZero();
  }
}
