package org.annals.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.annals.store.ExportRows;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The job's distributed operations against plain sequential versions of the same rules, on random
 * inputs: exact duplicates as ingest decides them in reading order, connected components as a
 * union-find names them, and blocking pairs the same whether hot keys are split or not.
 */
final class OperationsTest {
  private final JavaSparkContext sc =
      JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());

  @Test
  void exactDuplicates_decideAsReadingInOrderDoes_onRandomInputs() {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      List<Article> articles = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        String url =
            random.nextInt(3) == 0 ? null : "https://a.example/" + random.nextInt(60) + "?utm_x=1";
        articles.add(
            new Article(
                Article.order(random.nextInt(3), i),
                "id-" + random.nextInt(90),
                null,
                "Text number " + random.nextInt(70) + ".",
                null,
                url,
                null,
                "input-" + i));
      }
      Map<Long, String> expected = sequential(articles);
      List<Article> shuffled = new ArrayList<>(articles);
      java.util.Collections.shuffle(shuffled, random);
      ExactDuplicates.Result r = ExactDuplicates.apply(sc.parallelize(shuffled, 3), 3);
      Map<Long, String> actual = new TreeMap<>();
      for (Article a : r.kept().collect()) {
        actual.put(a.order(), "kept");
      }
      Map<String, Long> orderOf = new HashMap<>();
      articles.forEach(a -> orderOf.put(a.origin(), a.order()));
      for (Problem p : r.dropped().collect()) {
        actual.put(orderOf.get(p.origin()), p.reason());
      }
      assertThat(actual).as("seed " + seed).isEqualTo(expected);
      assertThat(r.keptCount())
          .as("seed " + seed)
          .isEqualTo(expected.values().stream().filter("kept"::equals).count());
      assertThat(expected.values()).contains("kept", "duplicate-url", "duplicate-text");
    }
  }

  /** Ingest's rule, one article after another in reading order. */
  private static Map<Long, String> sequential(List<Article> articles) {
    List<Article> inOrder = new ArrayList<>(articles);
    inOrder.sort(java.util.Comparator.comparingLong(Article::order));
    Map<String, String> hashById = new HashMap<>();
    Set<String> urls = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    Map<Long, String> out = new TreeMap<>();
    for (Article a : inOrder) {
      String hash = ExportRows.textHash(a.text());
      String url = ExportRows.canonicalUrl(a.url());
      String reason;
      if (hashById.containsKey(a.id())) {
        reason = hashById.get(a.id()).equals(hash) ? "already-stored" : "id-conflict";
      } else if (url != null && urls.contains(url)) {
        reason = "duplicate-url";
      } else if (hashes.contains(hash)) {
        reason = "duplicate-text";
      } else {
        reason = "kept";
        hashById.put(a.id(), hash);
        if (url != null) {
          urls.add(url);
        }
        hashes.add(hash);
      }
      out.put(a.order(), reason);
    }
    return out;
  }

  @Test
  void codingTasks_holdAFewArticlesEach_withinTheClustersBounds() {
    assertThat(AnnalsJob.codingTasks(0, 4, 2)).isEqualTo(4);
    int per = AnnalsJob.ARTICLES_PER_CODING_TASK;
    assertThat(AnnalsJob.codingTasks(37L * per, 4, 2)).isEqualTo(37);
    assertThat(AnnalsJob.codingTasks(37L * per + 1, 4, 2)).isEqualTo(38);
    assertThat(AnnalsJob.codingTasks(10_000_000, 400, 200)).isEqualTo(64 * 200);
    assertThat(AnnalsJob.codingTasks(10_000_000, 20_000, 200)).isEqualTo(20_000);
  }

  @Test
  void inputLists_resolveRelativePathsAgainstThePrefixOrTheListsDirectory(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path list = dir.resolve("warc.paths");
    java.nio.file.Files.writeString(
        list, "crawl-data/CC-NEWS/2024/06/a.warc.gz\n\n# a comment\n/abs/b.warc.gz\ns3a://x/c\n");
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();

    assertThat(Inputs.withLists(conf, List.of("first"), List.of(list.toString()), "s3a://cc"))
        .containsExactly(
            "first",
            "s3a://cc/crawl-data/CC-NEWS/2024/06/a.warc.gz",
            "s3a://cc/abs/b.warc.gz",
            "s3a://x/c");
    assertThat(Inputs.withLists(conf, List.of(), List.of(list.toString()), null).get(0))
        .isEqualTo(
            new org.apache.hadoop.fs.Path(dir.toString(), "crawl-data/CC-NEWS/2024/06/a.warc.gz")
                .toString());
    java.nio.file.Path notGzipped = dir.resolve("plain.paths.gz");
    java.nio.file.Files.writeString(notGzipped, "a.warc.gz\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Inputs.withLists(conf, List.of(), List.of(notGzipped.toString()), null))
        .isInstanceOf(JobException.class)
        .hasMessageContaining("is not gzipped");
    String missing = dir.resolve("nope.paths.gz").toString();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Inputs.withLists(conf, List.of(), List.of(missing), null))
        .isInstanceOf(JobException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("check the path");
  }

  @Test
  void components_areNamedBySmallestNode_asUnionFindNamesThem() {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<String> nodes = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        nodes.add("n" + i);
      }
      List<Tuple2<String, String>> edges = new ArrayList<>();
      // long chains too: labels must travel far
      for (int i = 0; i < 280; i++) {
        int a = random.nextInt(300);
        int b = random.nextInt(4) == 0 ? random.nextInt(300) : Math.min(299, a + 1);
        edges.add(new Tuple2<>("n" + a, "n" + b));
      }
      Map<String, String> expected = unionFind(nodes, edges);
      Map<String, String> actual =
          new HashMap<>(
              Components.of(sc.parallelize(nodes, 3), sc.parallelizePairs(edges, 3), 3)
                  .collectAsMap());
      assertThat(actual).as("seed " + seed).isEqualTo(expected);
    }
  }

  private static Map<String, String> unionFind(
      List<String> nodes, List<Tuple2<String, String>> edges) {
    Map<String, String> parent = new HashMap<>();
    nodes.forEach(n -> parent.put(n, n));
    for (Tuple2<String, String> e : edges) {
      String a = root(parent, e._1);
      String b = root(parent, e._2);
      if (!a.equals(b)) {
        parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
      }
    }
    Map<String, String> out = new HashMap<>();
    nodes.forEach(n -> out.put(n, root(parent, n)));
    return out;
  }

  private static String root(Map<String, String> parent, String n) {
    String r = n;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    return r;
  }

  @Test
  void hotKeys_splitAcrossTasks_giveTheSamePairs() {
    Random random = new Random(7);
    List<Tuple2<String, Blocks.Member<Integer>>> members = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String key = random.nextInt(5) == 0 ? "cold-" + random.nextInt(40) : "hot";
      boolean home = random.nextInt(3) != 0;
      boolean probe = !home || random.nextBoolean();
      members.add(new Tuple2<>(key, new Blocks.Member<>("m" + i, home, probe, i)));
    }
    JavaPairRDD<String, Blocks.Member<Integer>> blocks = sc.parallelizePairs(members, 3);
    Blocks.Link<Integer> link = (key, a, pa, b, pb) -> (pa * 31 + pb) % 7 == 0;
    Set<Tuple2<String, String>> whole =
        new HashSet<>(Blocks.pairs(blocks, 10_000, 3, m -> m, link).collect());
    Set<Tuple2<String, String>> split =
        new HashSet<>(Blocks.pairs(blocks, 7, 3, m -> m, link).collect());
    List<Tuple2<String, String>> splitList = Blocks.pairs(blocks, 7, 3, m -> m, link).collect();
    assertThat(whole).isNotEmpty();
    assertThat(split).isEqualTo(whole);
    assertThat(splitList).as("each pair once").hasSize(split.size());
  }
}
