package org.annals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.annals.eval.MergeEvaluation;
import org.annals.ingest.ArticleReader;
import org.annals.store.EventStore;
import org.annals.store.Exporter;
import org.annals.store.Ingester;

/**
 * {@code annals eval ecb DIR}: ingests a merging gold set's {@code articles.jsonl} into a fresh
 * store, exports the merged events and scores them against {@code gold.tsv} ({@link
 * MergeEvaluation}), as {@code ../shared/eval/ecbplus-dev/README.md} describes.
 */
final class MergeEval {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MergeEval() {}

  static MergeEvaluation.Result run(Path dir, Ingester.Coder coder, PrintStream out)
      throws IOException {
    Map<String, MergeEvaluation.Gold> gold = gold(dir.resolve("gold.tsv"));
    Path tmp = Files.createTempDirectory("annals-ecb");
    try {
      Path db = tmp.resolve("ecb.duckdb");
      Path events = tmp.resolve("events.jsonl");
      try (EventStore store = EventStore.open(db)) {
        Ingester ingester = new Ingester(store, coder, p -> {}, s -> {}, 100);
        new ArticleReader(ingester::add, ingester::problem)
            .read(dir.resolve("articles.jsonl").toString(), System.in);
        ingester.finish();
        new Exporter(store)
            .export(
                "jsonl",
                new Exporter.Filter(null, null, null, null),
                false,
                events,
                System.out,
                new int[1]);
      }
      List<MergeEvaluation.Event> merged = new ArrayList<>();
      for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
        JsonNode e = JSON.readTree(line);
        Set<String> articles = new TreeSet<>();
        for (JsonNode ev : e.get("evidence")) {
          articles.add(ev.get("article_id").asText());
        }
        merged.add(new MergeEvaluation.Event(articles, e.get("background").asBoolean()));
      }
      return MergeEvaluation.report(gold, merged, out);
    } finally {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(MergeEval::delete);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code article_id, topic, subtopic, …} with a header line. */
  static Map<String, MergeEvaluation.Gold> gold(Path tsv) throws IOException {
    Map<String, MergeEvaluation.Gold> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length >= 3 && !f[0].isBlank()) {
        out.put(f[0], new MergeEvaluation.Gold(f[1], f[2]));
      }
    }
    if (out.isEmpty()) {
      throw new IOException(tsv + " holds no gold rows (article_id, topic, subtopic)");
    }
    return out;
  }
}
