package org.annals.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.annals.nlp.Dependency;
import org.annals.nlp.EntityMention;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named people and organisations in actor phrases, on sentences built by hand (no CoreNLP): the
 * role at the publication date, and how a name and the actor words of the phrase combine.
 */
final class NamedActorResolutionTest {
  private static Lexicon lexicon;
  private static ActorResolver resolver;

  /** Made-up actors, so the tests do not depend on the generated file's contents. */
  @BeforeAll
  static void load(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("named-actors.tsv"),
        "# name\tentity\troles\tsource\n"
            + "zorbo quint\tzorbo quint\tKEN ELI ..2009-12-31|KEN GOV 2010-01-01..2012-12-31"
            + "|KEN ELI\ttest\n"
            + "zorbo front\tzorbo front\tKEN REB\ttest\n"
            + "security council\tsecurity council\tKEN GOV\ttest\n");
    lexicon = Lexicon.load(dir);
    resolver = new ActorResolver(lexicon);
  }

  /**
   * A sentence of {@code words} (spaces between) whose {@code head} token governs every other token
   * of the phrase {@code [0, head]} by {@code compound}; tagged NNP where capitalised, NN
   * otherwise; {@code person} marks a PERSON entity {@code [from, to)} (or null).
   */
  private static Sentence phrase(String words, int head, int[] person) {
    List<Token> tokens = new ArrayList<>();
    int at = 0;
    for (String w : words.split(" ", -1)) {
      String pos = Character.isUpperCase(w.charAt(0)) ? "NNP" : w.endsWith("s") ? "NNS" : "NN";
      String lemma = pos.equals("NNS") ? w.substring(0, w.length() - 1) : w;
      tokens.add(new Token(w, lemma, pos, null, at, at + w.length()));
      at += w.length() + 1;
    }
    List<Dependency> deps = new ArrayList<>();
    for (int i = 0; i < head; i++) {
      deps.add(new Dependency(head, i, "compound"));
    }
    deps.add(new Dependency(-1, head, "root"));
    List<EntityMention> entities = new ArrayList<>();
    if (person != null) {
      entities.add(
          new EntityMention(
              person[0],
              person[1],
              "PERSON",
              words.substring(tokens.get(person[0]).start(), tokens.get(person[1] - 1).end())));
    }
    return new Sentence(0, 0, at - 1, tokens, deps, entities, List.of(), true);
  }

  private static Actor resolve(String words, int head, LocalDate published) {
    resolver.readRolesAt(published);
    return resolver.resolve(phrase(words, head, null), head, "subject");
  }

  @Test
  void titleAndName_dateInsideTheDatedRole_givesThatRole() {
    Actor a = resolve("President Zorbo Quint", 2, LocalDate.of(2011, 3, 1));
    assertThat(a.name()).isEqualTo("Zorbo Quint");
    assertThat(a.country()).isEqualTo("KEN");
    assertThat(a.sector()).isEqualTo("GOV");
    assertThat(a.rule()).contains("named-actors.tsv:2").contains("2010-01-01..2012-12-31");
  }

  @Test
  void titleAndName_dateOutsideTheDatedRoles_givesTheDefaultOverTheTitle() {
    Actor after = resolve("President Zorbo Quint", 2, LocalDate.of(2015, 3, 1));
    assertThat(after.sector()).isEqualTo("ELI");
    assertThat(after.country()).isEqualTo("KEN");
    Actor before = resolve("President Zorbo Quint", 2, LocalDate.of(2009, 12, 31));
    assertThat(before.sector()).isEqualTo("ELI");
    assertThat(before.rule()).contains("..2009-12-31");
  }

  @Test
  void titleAndName_noDate_theTitleKeepsItsSectorAndTheNameGivesTheCountry() {
    Actor a = resolve("President Zorbo Quint", 2, null);
    assertThat(a.sector()).isEqualTo("GOV");
    assertThat(a.rule()).contains("sector actors.tsv:");
    assertThat(a.country()).isEqualTo("KEN");
    assertThat(a.name()).isEqualTo("Zorbo Quint");
  }

  @Test
  void nameAlone_noDate_givesTheDefaultRole() {
    Actor a = resolve("Zorbo Quint", 1, null);
    assertThat(a.sector()).isEqualTo("ELI");
    assertThat(a.country()).isEqualTo("KEN");
  }

  @Test
  void nameBeforeTheHead_onlyFillsWhatTheActorWordsLeaveOpen() {
    Actor a = resolve("Zorbo Front militants", 2, LocalDate.of(2011, 3, 1));
    assertThat(a.sector()).isEqualTo("REB");
    assertThat(a.rule()).contains("sector actors.tsv:");
    assertThat(a.country()).isEqualTo("KEN");
    assertThat(a.name()).isEqualTo("Zorbo Front");
  }

  @Test
  void nameInLowerCase_isNotTheNamedActor() {
    Actor a = resolve("zorbo quint", 1, LocalDate.of(2011, 3, 1));
    assertThat(a.name()).isNull();
    assertThat(a.country()).isNull();
    assertThat(a.sector()).isNull();
  }

  @Test
  void termOfActorsTsv_winsOverANamedActorOfTheSameWords() {
    Actor a = resolve("Security Council", 1, LocalDate.of(2011, 3, 1));
    assertThat(a.sector()).isEqualTo("IGO");
    assertThat(a.country()).isNull();
  }

  @Test
  void eventCoder_builtInExample_mahendraChaudhryIsGovernmentOnlyWhileInOffice() {
    // "Prime Minister Mahendra Chaudhry condemned the attack ."
    String text = "Prime Minister Mahendra Chaudhry condemned the attack .";
    String[][] t = {
      {"Prime", "Prime", "NNP"},
      {"Minister", "Minister", "NNP"},
      {"Mahendra", "Mahendra", "NNP"},
      {"Chaudhry", "Chaudhry", "NNP"},
      {"condemned", "condemn", "VBD"},
      {"the", "the", "DT"},
      {"attack", "attack", "NN"},
      {".", ".", "."}
    };
    List<Token> tokens = new ArrayList<>();
    int at = 0;
    for (String[] w : t) {
      tokens.add(new Token(w[0], w[1], w[2], null, at, at + w[0].length()));
      at += w[0].length() + 1;
    }
    List<Dependency> deps =
        List.of(
            new Dependency(3, 0, "compound"),
            new Dependency(3, 1, "compound"),
            new Dependency(3, 2, "compound"),
            new Dependency(4, 3, "nsubj"),
            new Dependency(-1, 4, "root"),
            new Dependency(6, 5, "det"),
            new Dependency(4, 6, "obj"),
            new Dependency(4, 7, "punct"));
    Sentence s =
        new Sentence(
            0,
            0,
            text.length(),
            tokens,
            deps,
            List.of(new EntityMention(2, 4, "PERSON", "Mahendra Chaudhry")),
            List.of(),
            true);
    AnnotatedDocument doc = new AnnotatedDocument(text, List.of(s));
    EventCoder coder = new EventCoder(Lexicon.builtIn());

    Actor inOffice = source(coder.code(doc, null, LocalDate.of(1999, 9, 1)));
    assertThat(inOffice.name()).isEqualTo("Mahendra Chaudhry");
    assertThat(inOffice.country()).isEqualTo("FJI");
    assertThat(inOffice.sector()).isEqualTo("GOV");
    assertThat(inOffice.rule()).containsPattern("named-actors\\.tsv:\\d+");

    Actor later = source(coder.code(doc, null, LocalDate.of(2005, 6, 1)));
    assertThat(later.country()).isEqualTo("FJI");
    assertThat(later.sector()).isEqualTo("ELI");
    Actor before = source(coder.code(doc, null, LocalDate.of(1995, 6, 1)));
    assertThat(before.sector()).isEqualTo("ELI");
  }

  private static Actor source(List<EventMention> events) {
    assertThat(events).singleElement().satisfies(e -> assertThat(e.source()).isNotNull());
    return events.get(0).source();
  }
}
