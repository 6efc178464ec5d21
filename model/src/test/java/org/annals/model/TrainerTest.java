package org.annals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.classify.Example;
import org.annals.classify.LabelledRecord;
import org.annals.classify.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training runs the real fine-tuning script (Python 3 with PyTorch and onnx; {@code .ci/run}
 * installs Debian's python3-torch and python3-onnx) on a few sentences written for the test.
 */
final class TrainerTest {
  private static final String[][] SENTENCES = {
    {"PROTEST", "Nurses marched through the capital demanding higher pay."},
    {"PROTEST", "Students staged a sit-in outside the education ministry."},
    {"PROTEST", "Farmers blocked the motorway with tractors for a second day."},
    {"PROTEST", "Thousands rallied in the square against the new tax."},
    {"CONSULT", "The two foreign ministers met in Geneva on Monday."},
    {"CONSULT", "The president spoke by phone with his Kenyan counterpart."},
    {"CONSULT", "Envoys held a third round of talks in Doha."},
    {"CONSULT", "The prime minister hosted the visiting delegation in Rome."},
    {"AID", "The agency delivered food and blankets to the flooded villages."},
    {"AID", "Japan sent two cargo planes of medicine to the region."},
    {"AID", "The bank approved a grant to rebuild the destroyed schools."},
    {"AID", "Volunteers handed out water to families in the camp."},
  };

  private static TrainingExport.Export export(Path dir) {
    List<LabelledRecord> records = new ArrayList<>();
    for (int i = 0; i < SENTENCES.length; i++) {
      records.add(
          new LabelledRecord(
              "t-" + i, "test", SENTENCES[i][1], Set.of(SENTENCES[i][0]), null, null));
    }
    return TrainingExport.write(
        records,
        r -> new Example(r.text(), Map.of("rule:" + r.plover().iterator().next(), 1.0)),
        2,
        dir,
        new ObjectMapper().createObjectNode().put("name", "test-model"));
  }

  @Test
  void train_sameDataSameSettings_sameWeights_otherSeed_otherWeights(@TempDir Path dir) {
    Trainer trainer = Trainer.find(null, dir.resolve("work"));
    TrainingExport.Export export = export(dir.resolve("examples"));
    Trainer.Settings s = Trainer.Settings.defaults().withEpochs(1);

    ModelFile a = trainer.train(export, dir.resolve("a.bin"), 0, -1, s, line -> {});
    ModelFile b = trainer.train(export, dir.resolve("b.bin"), 0, -1, s, line -> {});
    ModelFile c = trainer.train(export, dir.resolve("c.bin"), 0, -1, s.withSeed(14), line -> {});

    assertThat(b.weightsDigest()).isEqualTo(a.weightsDigest());
    assertThat(c.weightsDigest()).isNotEqualTo(a.weightsDigest());
    assertThat(a.header().path("training").path("examples").asInt()).isEqualTo(SENTENCES.length);
    assertThat(a.header().path("base").path("sha256").asText()).isEqualTo(ModelFiles.baseDigest());
  }

  @Test
  void train_heldOutFold_trainsOnTheOtherFoldOnly_andTheModelRuns(@TempDir Path dir) {
    Trainer trainer = Trainer.find(null, dir.resolve("work"));
    TrainingExport.Export export = export(dir.resolve("examples"));
    long inFold0 =
        java.util.stream.IntStream.range(0, SENTENCES.length)
            .filter(i -> LabelledRecord.fold("t-" + i, 2) == 0)
            .count();

    ModelFile m =
        trainer.train(
            export, dir.resolve("f.bin"), 2, 0, Trainer.Settings.defaults().withEpochs(1), l -> {});
    List<Prediction> p;
    try (OnnxEventClassifier c = OnnxEventClassifier.create(m)) {
      p = c.classify(List.of(new Example("Miners marched on the capital.", Map.of())));
    }

    assertThat(m.header().path("training").path("examples").asLong())
        .isEqualTo(SENTENCES.length - inFold0);
    assertThat(p.get(0).plover().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void find_pythonWithoutTorch_saysWhatToInstall(@TempDir Path dir) {
    assertThatThrownBy(() -> Trainer.find("/nonexistent/python3", dir))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("apt-get install python3-torch python3-onnx");
  }
}
