package org.annals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.annals.event.CodedEvent;
import org.annals.ingest.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EvaluationsTest {
  @TempDir Path dir;

  /** A fake coder: "attack" texts are ASSAULT/Attack by rebels, everything else has no event. */
  private static List<CodedEvent> fake(RawArticle a) {
    int at = a.text().indexOf("attack");
    if (at < 0) {
      return List.of();
    }
    int rebels = a.text().indexOf("Rebels");
    var source =
        rebels < 0
            ? null
            : new CodedEvent.ActorRef("Rebels", null, null, "REB", null, rebels, rebels + 6);
    return List.of(
        new CodedEvent(
            "e1",
            a.id(),
            null,
            null,
            "unknown",
            "none",
            null,
            false,
            new CodedEvent.Plover("ASSAULT", null, List.of()),
            "180",
            new CodedEvent.Acled("Violence against civilians", "Attack"),
            source,
            null,
            CodedEvent.Location.unknown(),
            null,
            0.5,
            List.of(
                new CodedEvent.Evidence(
                    a.id(), a.text(), 0, a.text().length(), "attack", at, at + 6, "test")),
            "test"));
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Evaluations eval =
      new Evaluations(EvaluationsTest::fake, new PrintStream(out, true, StandardCharsets.UTF_8));

  @Test
  void plover_countsAccuracyOverAllRecords() throws IOException {
    Path f = dir.resolve("p.jsonl");
    Files.writeString(
        f,
        "{\"event\":\"ASSAULT\",\"text\":\"Rebels attack a village.\"}\n"
            + "{\"event\":\"AGREE\",\"text\":\"They agreed.\"}\n");
    Scores s = eval.plover(f);
    assertThat(s.accuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("PLOVER type accuracy  0.500");
  }

  @Test
  void case2021_scoresOnlyAcledTypesInTheAcledFigure() throws IOException {
    Path f = dir.resolve("c.tsv");
    Files.writeString(
        f,
        "id\tEventSnippet\tSubType\n1\tGunmen attack a bus\tATTACK\n"
            + "2\tAn earthquake struck\tNATURAL_DISASTER\n3\tTroops clash\tARMED_CLASH\n");
    Scores acled = eval.case2021(f);
    assertThat(acled.total()).isEqualTo(2);
    assertThat(acled.accuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(acled.f1("ATTACK")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void actors_exactSpanMatchesGoldBioTags() throws IOException {
    Path f = dir.resolve("a.conll");
    Files.writeString(f, "Rebels B-S\nattack O\nthe O\ntown O\n. O\n\nNobody O\nmoved O\n");
    double[] prf = eval.actors(f);
    assertThat(prf[0]).isCloseTo(1.0, within(1e-9));
    assertThat(prf[1]).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void scores_weightedAndMacroF1() {
    Scores s = new Scores();
    s.add("A", "A");
    s.add("A", "B");
    s.add("B", "B");
    assertThat(s.f1("A")).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-9));
    assertThat(s.macroF1(Set.of("A", "B"))).isCloseTo((0.6666666 + 0.6666666) / 2, within(1e-6));
    assertThat(s.weightedF1(Set.of("A", "B")))
        .isCloseTo((2 * 0.6666666 + 0.6666666) / 3, within(1e-6));
  }
}
