package org.annals.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExtractionEvaluationTest {
  @TempDir Path dir;

  @Test
  void score_wholeTextsAndOpenings_areScoredEachTheirWay() throws IOException {
    String story =
        "The harbour board said on Monday that the new cranes would be working by the end of the"
            + " month, and that the dock strike was over.";
    Files.writeString(dir.resolve("a.html"), "<p>a</p>", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("a.txt"), story, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.html"), "<p>b</p>", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("b.json"),
        "{\"expected\": {\"cleaned_text\": \"The harbour board said on Monday that\"}}",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("c.html"), "<p>c</p>", StandardCharsets.UTF_8); // no expectation
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var r =
        new ExtractionEvaluation(
                html ->
                    new String(html, StandardCharsets.UTF_8).contains(">a<")
                        ? story
                        : "Menu. " + story,
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .score(dir);
    assertThat(r.whole().size()).isEqualTo(1);
    assertThat(r.whole().f1()).isEqualTo(1.0);
    assertThat(r.openings()).isEqualTo(1);
    assertThat(r.openingsFound()).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("b").contains("opening found");
  }

  @Test
  void startsWith_findsTheOpeningOnlyNearTheStart() {
    List<String> want = List.of("police", "fired", "tear", "gas");
    assertThat(
            ExtractionEvaluation.startsWith(
                List.of("Home", "police", "fired", "tear", "gas"), want))
        .isTrue();
    List<String> late = new java.util.ArrayList<>(java.util.Collections.nCopies(60, "menu"));
    late.addAll(want);
    assertThat(ExtractionEvaluation.startsWith(late, want)).isFalse();
    assertThat(ExtractionEvaluation.startsWith(List.of("police"), want)).isFalse();
  }
}
