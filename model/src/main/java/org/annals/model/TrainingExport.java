package org.annals.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.annals.Hashes;
import org.annals.classify.Example;
import org.annals.classify.LabelledRecord;
import org.annals.classify.Labels;
import org.jspecify.annotations.Nullable;

/**
 * Writes what the fine-tuning script reads: {@code examples.jsonl} (one record a line: id, set,
 * fold, word-piece ids, rule features, label sets) and {@code header.json} (labels, feature names,
 * base encoder, token limit).
 */
public final class TrainingExport {
  /** Word pieces per sentence, [CLS] and [SEP] included. */
  public static final int MAX_TOKENS = 96;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The files written, and a digest of both (the cache key of models trained on them). */
  public record Export(Path examples, Path header, String digest, int records) {}

  private TrainingExport() {}

  /**
   * Writes the examples of {@code records} (each turned into an example by {@code featurize}) and
   * the header into {@code dir}; {@code folds} numbers each record's cross-validation fold.
   */
  public static Export write(
      List<LabelledRecord> records,
      Function<LabelledRecord, Example> featurize,
      int folds,
      Path dir,
      ObjectNode card) {
    WordPiece tokenizer = ModelFiles.tokenizer();
    Path examples = dir.resolve("examples.jsonl");
    Path header = dir.resolve("header.json");
    Set<String> features = new TreeSet<>();
    try {
      Files.createDirectories(dir);
      try (BufferedWriter w = Files.newBufferedWriter(examples, StandardCharsets.UTF_8)) {
        for (LabelledRecord r : records) {
          Example e = featurize.apply(r);
          features.addAll(e.features().keySet());
          ObjectNode line = JSON.createObjectNode();
          line.put("id", r.id());
          line.put("set", r.set());
          line.put("fold", folds > 0 ? r.fold(folds) : 0);
          ArrayNode ids = line.putArray("ids");
          for (int id : tokenizer.encode(e.text(), MAX_TOKENS)) {
            ids.add(id);
          }
          ObjectNode f = line.putObject("features");
          e.sortedFeatures().forEach(f::put);
          labels(line, "plover", r.plover());
          labels(line, "acled", r.acled());
          labels(line, "cameo", r.cameo());
          w.write(JSON.writeValueAsString(line));
          w.write('\n');
        }
      }
      ObjectNode h = card.deepCopy();
      h.put("format", ModelFile.FORMAT);
      h.put("max_tokens", MAX_TOKENS);
      ObjectNode base = h.putObject("base");
      base.put("artifact", ModelFiles.BASE_ARTIFACT);
      base.put("resource", ModelFiles.BASE_MODEL.substring(1));
      base.put("sha256", ModelFiles.baseDigest());
      base.put("licence", "Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2)");
      ObjectNode labels = h.putObject("labels");
      put(labels.putArray("plover"), Labels.PLOVER);
      put(labels.putArray("acled"), Labels.ACLED);
      put(labels.putArray("cameo"), Labels.CAMEO);
      put(h.putArray("features"), List.copyOf(features));
      Files.writeString(
          header,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(h),
          StandardCharsets.UTF_8);
      String digest =
          Hashes.sha256Hex(
              Hashes.sha256Hex(Files.readAllBytes(examples))
                  + Hashes.sha256Hex(Files.readAllBytes(header)),
              32);
      return new Export(examples, header, digest, records.size());
    } catch (IOException e) {
      throw new ModelException(
          "cannot write the training examples to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void labels(ObjectNode line, String head, @Nullable Set<String> labels) {
    if (labels == null) {
      line.putNull(head);
    } else {
      put(line.putArray(head), List.copyOf(new TreeSet<>(labels)));
    }
  }

  private static void put(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
