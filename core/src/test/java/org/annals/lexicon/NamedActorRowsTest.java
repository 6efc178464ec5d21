package org.annals.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading {@code named-actors.tsv}: the built-in file and rows of a {@code --lexicon DIR}. */
final class NamedActorRowsTest {
  @Test
  void builtIn_readsDatedRolesWithTheirLine() {
    NamedActor a = Lexicon.builtIn().namedActor("Mahendra Chaudhry");
    assertThat(a).isNotNull();
    assertThat(a.origin()).matches("named-actors\\.tsv:\\d+");
    assertThat(a.roleAt(LocalDate.of(1999, 9, 1)).orElseThrow())
        .hasToString("FJI GOV" + " 1999-05-19..2000-05-27");
    assertThat(a.roleAt(LocalDate.of(2005, 1, 1)).orElseThrow().sector()).isEqualTo("ELI");
  }

  @Test
  void builtIn_isIndexedForPhraseMatching() {
    String[] words = {"mahendra", "chaudhry", "resigned"};
    var m = Lexicon.builtIn().namedActors().longest(0, 3, k -> words[k], k -> words[k]);
    assertThat(m).isNotNull();
    assertThat(m.length()).isEqualTo(2);
    assertThat(m.value().entity()).isEqualTo("mahendra chaudhry");
  }

  @Test
  void extraDirectory_addsNamesAndReplacesOnesOfTheSameName(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("named-actors.tsv"),
        """
        # name\tentity\troles\tsource
        Zorbo Quint\tzorbo quint\tKEN GOV 2010-01-01..|KEN ELI\tmine
        mahendra chaudhry\tmahendra chaudhry\tFJI OPP
        """);
    Lexicon extended = Lexicon.load(dir);
    NamedActor zorbo = extended.namedActor("zorbo quint");
    assertThat(zorbo.origin()).isEqualTo("named-actors.tsv:2");
    assertThat(zorbo.roleAt(LocalDate.of(2012, 1, 1)).orElseThrow().country()).isEqualTo("KEN");
    assertThat(extended.namedActor("mahendra chaudhry").roleAt(null).orElseThrow())
        .hasToString("FJI OPP");
    assertThat(Lexicon.builtIn().namedActor("zorbo quint")).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KEN GUV                  | sector 'GUV'",
        "KNY GOV                  | country 'KNY'",
        "KEN GOV 2010-13-01..     | date '2010-13-01'",
        "KEN GOV 2010-01-01       | no FROM..TO",
        "KEN GOV 2011-01-01..2010-01-01 | ends before it starts",
        "KEN                      | malformed",
      })
  void load_badRole_namesFileLineAndWhatIsWrong(String role, String problem, @TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("named-actors.tsv"),
        "# a header line\nzorbo quint\tzorbo quint\t" + role.strip() + "\t-\n");
    assertThatThrownBy(() -> Lexicon.load(dir))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("named-actors.tsv:2")
        .hasMessageContaining(problem);
  }

  @Test
  void load_rowWithoutRoles_namesFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("named-actors.tsv"), "zorbo quint\tzorbo quint\t-\n");
    assertThatThrownBy(() -> Lexicon.load(dir))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("named-actors.tsv:1")
        .hasMessageContaining("no role");
  }

  @Test
  void load_tooFewColumns_namesFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("named-actors.tsv"), "\n\nzorbo quint KEN GOV\n");
    assertThatThrownBy(() -> Lexicon.load(dir))
        .isInstanceOf(LexiconException.class)
        .hasMessageContaining("named-actors.tsv:3")
        .hasMessageContaining("3 TAB-separated columns");
  }
}
