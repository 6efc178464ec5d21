package org.annals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ModelFileTest {
  private static ModelFile small(int format) {
    ObjectNode h = new ObjectMapper().createObjectNode();
    h.put("format", format);
    h.put("name", "test");
    return ModelFile.of(
        h,
        List.of(
            ModelFile.floats("head.x.weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})),
        "test");
  }

  @Test
  void writeThenRead_givesTheSameTensorsAndDigest(@TempDir Path dir) {
    ModelFile m = small(ModelFile.FORMAT);
    Path f = dir.resolve("m.bin");

    m.write(f);
    ModelFile back = ModelFile.read(f);

    assertThat(back.tensor("head.x.weight").floats()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(back.tensor("head.x.weight").shape()).containsExactly(2, 3);
    assertThat(back.weightsDigest()).isEqualTo(m.weightsDigest());
    assertThat(back.header().path("name").asText()).isEqualTo("test");
  }

  @Test
  void read_missingFile_namesItAndTheRebuildCommand(@TempDir Path dir) {
    Path f = dir.resolve("nothing.bin");

    assertThatThrownBy(() -> ModelFile.read(f))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("./annals train");
  }

  @Test
  void read_damagedWeights_saysSoAndHowToRebuild(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.bin");
    small(ModelFile.FORMAT).write(f);
    byte[] b = Files.readAllBytes(f);
    b[b.length - 3] ^= 0x55;
    Files.write(f, b);

    assertThatThrownBy(() -> ModelFile.read(f))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("damaged")
        .hasMessageContaining("./annals train");
  }

  @Test
  void read_truncatedFile_isDamaged(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.bin");
    small(ModelFile.FORMAT).write(f);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 10));

    assertThatThrownBy(() -> ModelFile.read(f)).hasMessageContaining("damaged");
  }

  @Test
  void read_notAModel_saysWhatItExpected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.bin");
    Files.writeString(f, "PK this is a zip, not a model", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ModelFile.read(f)).hasMessageContaining("ANNALS-MODEL 1");
  }

  @Test
  void read_otherFormat_namesBothVersions(@TempDir Path dir) {
    Path f = dir.resolve("m.bin");
    small(ModelFile.FORMAT + 1).write(f);

    assertThatThrownBy(() -> ModelFile.read(f))
        .hasMessageContaining("format " + (ModelFile.FORMAT + 1))
        .hasMessageContaining("reads format " + ModelFile.FORMAT);
  }
}
