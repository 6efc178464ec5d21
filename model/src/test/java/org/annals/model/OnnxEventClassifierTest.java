package org.annals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.annals.classify.Example;
import org.annals.classify.Labels;
import org.annals.classify.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model packaged in the jar, and what loading checks. */
final class OnnxEventClassifierTest {
  private static ModelFile builtIn;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = OnnxEventClassifier.class.getResourceAsStream(ModelFiles.BUILT_IN)) {
      assertThat(in).as("the built-in model is packaged into the jar").isNotNull();
      builtIn = ModelFile.read(in, "built-in");
    }
  }

  private static String top(List<Double> p, List<String> labels) {
    int best = 0;
    for (int i = 1; i < p.size(); i++) {
      if (p.get(i) > p.get(best)) {
        best = i;
      }
    }
    return labels.get(best);
  }

  private static List<Prediction> classify(ModelFile m, String... sentences) {
    List<Example> examples = new ArrayList<>();
    for (String s : sentences) {
      examples.add(new Example(s, Map.of()));
    }
    try (OnnxEventClassifier c = OnnxEventClassifier.create(m)) {
      return c.classify(examples);
    }
  }

  @Test
  void builtIn_loadsFromTheJar_andGivesADistributionPerHead() {
    OnnxEventClassifier c = OnnxEventClassifier.builtIn();
    List<Prediction> p =
        c.classify(
            List.of(
                new Example(
                    "Thousands of nurses marched through the capital demanding higher pay.",
                    Map.of()),
                new Example(
                    "The two foreign ministers met in Geneva to discuss the border.", Map.of())));

    assertThat(c.describe()).startsWith("annals-event-model ");
    for (Prediction x : p) {
      assertThat(x.plover().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1, within(1e-6));
      assertThat(x.acled().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1, within(1e-6));
      assertThat(x.cameo().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1, within(1e-6));
    }
    assertThat(top(p.get(0).plover(), Labels.PLOVER)).isEqualTo("PROTEST");
    assertThat(top(p.get(1).plover(), Labels.PLOVER)).isEqualTo("CONSULT");
  }

  @Test
  void sentence_getsTheSameProbabilitiesAloneAsAmongOthers() {
    String target = "Police fired tear gas at students outside the university.";
    Random r = new Random(7);
    String[] words = {
      "the", "minister", "said", "on", "Tuesday", "that", "talks", "would", "resume", "in",
      "Geneva", "after", "a", "long", "pause", "rebels", "shelled", "villages", "near", "border"
    };
    List<Prediction> alone = classify(builtIn, target);
    for (int trial = 0; trial < 5; trial++) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(20); i++) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < 3 + r.nextInt(40); w++) {
          b.append(words[r.nextInt(words.length)]).append(' ');
        }
        batch.add(b.toString().trim() + ".");
      }
      int at = r.nextInt(batch.size() + 1);
      batch.add(at, target);

      Prediction among = classify(builtIn, batch.toArray(String[]::new)).get(at);

      assertThat(among.plover()).isEqualTo(alone.get(0).plover());
      assertThat(among.acled()).isEqualTo(alone.get(0).acled());
    }
  }

  @Test
  void fineTunedWeights_replaceTheBaseOnes() {
    // Zero the last layer norm's gain and bias: every sentence then pools to the same vector.
    List<ModelFile.Tensor> tensors = new ArrayList<>();
    for (ModelFile.Tensor t : builtIn.tensors().values()) {
      if (t.name().equals("encoder.layer.5.output.LayerNorm.weight")
          || t.name().equals("encoder.layer.5.output.LayerNorm.bias")) {
        tensors.add(ModelFile.floats(t.name(), t.shape(), new float[(int) t.size()]));
      } else {
        tensors.add(t);
      }
    }
    ModelFile flat = ModelFile.of(builtIn.header(), tensors, "flattened");

    List<Prediction> base = classify(builtIn, "Rebels shelled the town.", "Ministers met in Rome.");
    List<Prediction> same = classify(flat, "Rebels shelled the town.", "Ministers met in Rome.");

    assertThat(base.get(0).plover()).isNotEqualTo(base.get(1).plover());
    for (int i = 0; i < Labels.PLOVER.size(); i++) {
      assertThat(same.get(0).plover().get(i)).isCloseTo(same.get(1).plover().get(i), within(1e-6));
    }
  }

  @Test
  void modelForOtherLabels_isRefusedWithTheRebuildCommand() {
    ObjectNode h = builtIn.header();
    h.withArray("/labels/plover").remove(0);

    assertThatThrownBy(
            () ->
                OnnxEventClassifier.create(
                    ModelFile.of(h, List.copyOf(builtIn.tensors().values()), "old.bin")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("old.bin")
        .hasMessageContaining("plover labels")
        .hasMessageContaining("./annals train");
  }

  @Test
  void modelForAnotherBaseEncoder_isRefused() {
    ObjectNode h = builtIn.header();
    ((ObjectNode) h.get("base")).put("sha256", "0".repeat(64));

    assertThatThrownBy(
            () ->
                OnnxEventClassifier.create(
                    ModelFile.of(h, List.copyOf(builtIn.tensors().values()), "other.bin")))
        .hasMessageContaining("another base encoder")
        .hasMessageContaining("./annals train");
  }

  @Test
  void calibration_headerCurveIsUsed_elsePlattFit() {
    ObjectNode h = builtIn.header();
    ObjectNode cal = h.putObject("calibration");
    cal.put("a", 2.0).put("b", 0.0);
    try (OnnxEventClassifier platt =
        OnnxEventClassifier.create(
            ModelFile.of(h.deepCopy(), List.copyOf(builtIn.tensors().values()), "platt.bin"))) {
      // σ(2·logit(0.75)) = 0.75² / (0.75² + 0.25²)
      assertThat(platt.calibrate(0.75)).isCloseTo(0.9, within(1e-9));
    }
    cal.putArray("x").add(0.5).add(0.9);
    cal.putArray("y").add(0.4).add(0.8);
    try (OnnxEventClassifier curve =
        OnnxEventClassifier.create(
            ModelFile.of(h, List.copyOf(builtIn.tensors().values()), "curve.bin"))) {
      assertThat(curve.calibrate(0.7)).isCloseTo(0.6, within(1e-9));
      assertThat(curve.calibrate(0.99)).isCloseTo(0.8, within(1e-9));
    }
    cal.putArray("y").add(0.4); // one y for two x
    assertThatThrownBy(
            () ->
                OnnxEventClassifier.create(
                    ModelFile.of(h, List.copyOf(builtIn.tensors().values()), "broken.bin")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("broken.bin")
        .hasMessageContaining("calibration")
        .hasMessageContaining("./annals train");
  }
}
