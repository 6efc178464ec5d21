package org.annals.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.EventDataException;
import org.annals.lexicon.Lexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labelled sets' formats turned into label sets, on small files written for the test. */
final class TrainingSetsTest {
  private static Compat compat;

  @BeforeAll
  static void load() {
    compat = Compat.of(Lexicon.builtIn());
  }

  private static Map<String, LabelledRecord> byId(TrainingSets t) {
    Map<String, LabelledRecord> m = new HashMap<>();
    t.records().forEach(r -> m.put(r.id(), r));
    return m;
  }

  @Test
  void read_everyFormat_givesLabelSetsForTheHeadsEachSetSaysNothingAbout(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("plover-zsp-dev.jsonl"),
        "{\"id\": \"z1\", \"text\": \"The junta freed two reporters.\", \"event\": \"YIELD\"}\n"
            + "{\"id\": \"z2\", \"text\": \"Gunmen raided a village.\", \"event\": \"ASSAULT\"}\n");
    Files.writeString(
        dir.resolve("plover-gsr-dev.jsonl"),
        "{\"id\": \"g1\", \"text\": \"Ghana and Togo met in Lome.\", \"event\": \"CONSULT\"}\n");
    Files.writeString(
        dir.resolve("case2021-dev.tsv"),
        "id\tEventSnippet\tSubType\n"
            + "7\tJets bombed a depot near the border.\tAIR_STRIKE\n"
            + "8\tA flood swept away forty houses.\tNATURAL_DISASTER\n");
    Path own = dir.resolve("own.tsv");
    Files.writeString(own, "# comment\nown-1\tPROTEST\tPEACE_PROTEST\tNurses marched in Lagos.\n");

    TrainingSets t = TrainingSets.read(compat, dir, null, own);
    Map<String, LabelledRecord> r = byId(t);

    assertThat(r.get("z1").plover()).isEqualTo(Set.of("CONCEDE", "RETREAT"));
    assertThat(r.get("z2").plover()).isEqualTo(Set.of("ASSAULT", "FIGHT"));
    assertThat(r.get("g1").plover()).containsExactly("CONSULT");
    assertThat(r.get("g1").acled()).doesNotContain("AIR_STRIKE").contains("DIPLO", Labels.NONE);
    assertThat(r.get("g1").cameo()).contains("04");
    assertThat(r.get("case-7").acled()).containsExactly("AIR_STRIKE");
    assertThat(r.get("case-7").plover()).contains("FIGHT").doesNotContain("CONSULT", Labels.NONE);
    assertThat(r.get("case-8").plover()).containsExactly(Labels.NONE);
    assertThat(r.get("own-1").acled()).containsExactly("PEACE_PROTEST");
    assertThat(t.sets()).extracting(TrainingSets.DataSet::records).containsExactly(1, 2, 2, 1);
    assertThat(t.sets().get(0).sha256()).hasSize(64);
  }

  @Test
  void read_ownSentenceWithAnUnknownLabel_namesTheFileAndLine(@TempDir Path dir)
      throws IOException {
    Path own = dir.resolve("own.tsv");
    Files.writeString(own, "own-1\tPROTEST\t-\tNurses marched.\nown-2\tRIOT\t-\tThey rioted.\n");

    assertThatThrownBy(() -> TrainingSets.read(compat, dir, null, own))
        .isInstanceOf(EventDataException.class)
        .hasMessageContaining("own.tsv:2")
        .hasMessageContaining("'RIOT'");
  }

  @Test
  void read_noSetThere_saysWhereTheSetsAre(@TempDir Path dir) {
    assertThatThrownBy(() -> TrainingSets.read(compat, dir, null, null))
        .hasMessageContaining("../shared/eval");
  }

  @Test
  void fold_isStableAndSpreadsRecordsEvenly() {
    int[] counts = new int[5];
    for (int i = 0; i < 5000; i++) {
      int f = LabelledRecord.fold("rec-" + i, 5);
      assertThat(f).isEqualTo(LabelledRecord.fold("rec-" + i, 5));
      counts[f]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(900, 1100);
    }
  }

  @Test
  void record_unknownLabel_isRefused() {
    assertThatThrownBy(() -> new LabelledRecord("x", "s", "t", Set.of("RIOT"), null, null))
        .hasMessageContaining("unknown PLOVER label 'RIOT'");
    assertThat(List.of(Labels.PLOVER.get(Labels.PLOVER.size() - 1))).containsExactly(Labels.NONE);
  }
}
