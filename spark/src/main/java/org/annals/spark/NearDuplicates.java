package org.annals.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.annals.dedup.MinHash;
import org.annals.store.Ingester;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Near-duplicate families, as the store links them: two coded articles are near-duplicates when
 * their MinHash signatures share an LSH band and their estimated similarity reaches {@link
 * Ingester#NEAR_DUPLICATE}; a family is a connected group of them, named by its smallest article
 * id. The bands are the join keys, so no article is compared with one it shares no band with. As in
 * the store, an article read after a near-duplicate of it records the most similar earlier one (the
 * smaller id on a tie).
 */
final class NearDuplicates {
  private NearDuplicates() {}

  /** A signature with the article's place in the input. */
  private record Signed(long order, int[] minhash) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The most similar article read before this one. */
  record Nearest(String id, double similarity) implements Serializable {
    private static final long serialVersionUID = 1L;

    Nearest better(Nearest o) {
      if (similarity != o.similarity) {
        return similarity > o.similarity ? this : o;
      }
      return id.compareTo(o.id) <= 0 ? this : o;
    }
  }

  /**
   * Each coded article's family ({@code family}), and for those read after a near-duplicate, the
   * nearest earlier one ({@code nearest}).
   */
  record Families(JavaPairRDD<String, String> family, JavaPairRDD<String, Nearest> nearest) {}

  static Families of(JavaRDD<Coded> coded, int hotBlock, int partitions) {
    JavaPairRDD<String, Blocks.Member<Signed>> bands =
        coded
            .filter(c -> c.minhash() != null)
            .flatMapToPair(
                c -> {
                  Signed s = new Signed(c.order(), Objects.requireNonNull(c.minhash()));
                  List<Tuple2<String, Blocks.Member<Signed>>> out = new ArrayList<>();
                  for (long band : distinct(MinHash.bands(s.minhash()))) {
                    out.add(
                        new Tuple2<>(
                            Long.toString(band), new Blocks.Member<>(c.id(), true, true, s)));
                  }
                  return out.iterator();
                });
    JavaPairRDD<String, String> edges =
        Blocks.pairs(
            bands,
            hotBlock,
            partitions,
            s -> s,
            (key, a, sa, b, sb) -> a.compareTo(b) < 0 && similar(sa, sb));
    JavaPairRDD<String, Signed> signed =
        coded
            .filter(c -> c.minhash() != null)
            .mapToPair(c -> new Tuple2<>(c.id(), new Signed(c.order(), c.minhash())));
    JavaPairRDD<String, Nearest> nearest =
        edges
            .join(signed, partitions)
            .mapToPair(t -> new Tuple2<>(t._2._1, new Tuple2<>(t._1, t._2._2)))
            .join(signed, partitions)
            .flatMapToPair(
                t -> {
                  String a = t._2._1._1;
                  Signed sa = t._2._1._2;
                  String b = t._1;
                  Signed sb = t._2._2;
                  double sim = MinHash.similarity(sa.minhash(), sb.minhash());
                  // the later of the two (in reading order) is the near-duplicate
                  return List.of(
                          sa.order() > sb.order()
                              ? new Tuple2<>(a, new Nearest(b, sim))
                              : new Tuple2<>(b, new Nearest(a, sim)))
                      .iterator();
                })
            .reduceByKey(Nearest::better, partitions);
    return new Families(Components.of(coded.map(Coded::id), edges, partitions), nearest);
  }

  private static boolean similar(Signed a, Signed b) {
    return MinHash.similarity(a.minhash(), b.minhash()) >= Ingester.NEAR_DUPLICATE;
  }

  private static long[] distinct(long[] bands) {
    return java.util.Arrays.stream(bands).distinct().toArray();
  }
}
