package org.annals.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.annals.eval.Evaluations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LexiconTest {
  private final Lexicon lexicon = Lexicon.builtIn();

  @Test
  void triggers_coverEveryPloverTypeAndEveryAcledSubEvent() {
    Set<String> types =
        lexicon.triggers().stream().map(TriggerEntry::plover).collect(Collectors.toSet());
    assertThat(types)
        .contains(
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "INVESTIGATE",
            "DEMAND",
            "DISAPPROVE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "MOBILIZE",
            "SANCTION",
            "COERCE",
            "ASSAULT",
            "FIGHT");
    Set<String> subs =
        lexicon.triggers().stream()
            .map(TriggerEntry::acledSubEvent)
            .filter(s -> s != null)
            .collect(Collectors.toSet());
    assertThat(subs).containsAll(Evaluations.CASE_TO_ACLED.values());
  }

  @Test
  void countries_knowNamesDemonymsAndCapitals() {
    assertThat(lexicon.country("IRQ").demonyms()).contains("Iraqi");
    assertThat(lexicon.country("IRQ").capitals()).contains("Baghdad");
    assertThat(lexicon.countries()).hasSizeGreaterThan(240);
  }

  @Test
  void scan_needsEveryPatternWordAndARequiredWord() {
    assertThat(lexicon.mayTrigger(Set.of("protesters", "stormed", "the", "palace"))).isTrue();
    assertThat(lexicon.mayTrigger(Set.of("the", "team", "won", "cup"))).isFalse();
  }

  @Test
  void load_extraDirectory_addsEntries(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("triggers.tsv"),
        "zorble\tV\tPROTEST\tdemo\t141\tProtests\tPeaceful protest\t-\t5\t-\n");
    Lexicon extended = Lexicon.load(dir);
    assertThat(extended.triggersStartingWith("zorble"))
        .singleElement()
        .satisfies(e -> assertThat(e.origin()).endsWith("triggers.tsv:1"));
    assertThat(extended.triggers()).hasSize(lexicon.triggers().size() + 1);
    assertThat(lexicon.triggersStartingWith("zorble")).isEmpty();
  }

  @Test
  void load_malformedRow_namesFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("triggers.tsv"), "# header\nstorm\tV\tPROTEST\n");
    assertThatThrownBy(() -> Lexicon.load(dir))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("triggers.tsv:2")
        .hasMessageContaining("10 TAB-separated columns");
  }

  @Test
  void landmarks_extendAndBadRowsSayWhatIsWrong(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("landmarks.tsv"),
        "Zorble Square\tZorble Plaza\t33.3\t44.4\tsite\tBaghdad\tIRQ\n");
    Lexicon extended = Lexicon.load(dir);
    assertThat(extended.landmarks())
        .anySatisfy(
            l -> {
              assertThat(l.name()).isEqualTo("Zorble Square");
              assertThat(l.alternates()).containsExactly("Zorble Plaza");
              assertThat(l.origin()).endsWith("landmarks.tsv:1");
            });
    Files.writeString(dir.resolve("landmarks.tsv"), "Zorble Square\t\t33.3\t44.4\tplaza\t\tIRQ\n");
    assertThatThrownBy(() -> Lexicon.load(dir))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("landmarks.tsv:1")
        .hasMessageContaining("precision 'plaza'");
    Files.writeString(dir.resolve("landmarks.tsv"), "Zorble Square\t\tnorth\t44.4\tsite\t\tIRQ\n");
    assertThatThrownBy(() -> Lexicon.load(dir))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("landmarks.tsv:1")
        .hasMessageContaining("decimal degrees");
  }

  @Test
  void load_missingDirectory_saysWhatToDo() {
    assertThatThrownBy(() -> Lexicon.load(Path.of("/no/such/dir")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void phraseIndex_prefersLongestAndMatchesLemmaOnLastWord() {
    PhraseIndex<String> idx = new PhraseIndex<>();
    idx.add("security forces", "COP");
    idx.add("security", "X");
    String[] words = {"security", "forces", "fired"};
    var m = idx.longest(0, 3, k -> words[k], k -> words[k]);
    assertThat(m.length()).isEqualTo(2);
    assertThat(m.value()).isEqualTo("COP");
    assertThat(Lexicon.isAcronym("US")).isTrue();
    assertThat(Lexicon.isAcronym("Iraq")).isFalse();
  }
}
