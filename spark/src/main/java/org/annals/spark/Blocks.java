package org.annals.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * Pairs compared within blocking keys, as join keys rather than in one JVM. Each member of a block
 * is a <em>home</em> (others are compared with it), a <em>probe</em> (it is compared with the
 * homes), or both. A key with more homes than the hot-block size is split: its homes spread over
 * buckets and its probes are copied to every bucket, so each (probe, home) pair is still compared
 * exactly once and the result is the same; only the work is spread.
 */
final class Blocks {
  private Blocks() {}

  /** One member of a block. */
  record Member<T>(String id, boolean home, boolean probe, T item) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Makes a member ready for comparing (e.g. parses it), once per block. */
  interface Prepare<T, P> extends Serializable {
    P prepare(T item);
  }

  /** Whether a probe and a home of block {@code key} are linked. */
  interface Link<P> extends Serializable {
    boolean linked(String key, String probeId, P probe, String homeId, P home);
  }

  /** The linked pairs as (probe id, home id) edges. */
  static <T, P> JavaPairRDD<String, String> pairs(
      JavaPairRDD<String, Member<T>> blocks,
      int hotBlock,
      int partitions,
      Prepare<T, P> prepare,
      Link<P> link) {
    Map<String, Long> hot =
        new java.util.HashMap<>(
            blocks
                .filter(b -> b._2.home())
                .mapValues(m -> 1L)
                .reduceByKey(Long::sum, partitions)
                .filter(c -> c._2 > hotBlock)
                .collectAsMap());
    JavaPairRDD<String, Member<T>> salted =
        hot.isEmpty() ? blocks : blocks.flatMapToPair(b -> salt(b._1, b._2, hot, hotBlock));
    return salted
        .groupByKey(partitions)
        .flatMapToPair(g -> compare(g._1, g._2, prepare, link).iterator());
  }

  private static <T> java.util.Iterator<Tuple2<String, Member<T>>> salt(
      String key, Member<T> m, Map<String, Long> hot, int hotBlock) {
    Long homes = hot.get(key);
    if (homes == null) {
      return List.of(new Tuple2<>(key, m)).iterator();
    }
    int buckets = (int) Math.min(Integer.MAX_VALUE, (homes + hotBlock - 1) / hotBlock);
    int own = Math.floorMod(m.id().hashCode(), buckets);
    List<Tuple2<String, Member<T>>> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      boolean home = m.home() && b == own;
      if (home || m.probe()) {
        out.add(new Tuple2<>(key + "#" + b, new Member<>(m.id(), home, m.probe(), m.item())));
      }
    }
    return out.iterator();
  }

  private static <T, P> List<Tuple2<String, String>> compare(
      String saltedKey, Iterable<Member<T>> members, Prepare<T, P> prepare, Link<P> link) {
    int hash = saltedKey.lastIndexOf('#');
    String key = hash < 0 ? saltedKey : saltedKey.substring(0, hash);
    List<String> homeIds = new ArrayList<>();
    List<P> homes = new ArrayList<>();
    List<String> probeIds = new ArrayList<>();
    List<P> probes = new ArrayList<>();
    Map<String, P> prepared = new java.util.HashMap<>();
    for (Member<T> m : members) {
      P p = prepared.computeIfAbsent(m.id(), id -> prepare.prepare(m.item()));
      if (m.home()) {
        homeIds.add(m.id());
        homes.add(p);
      }
      if (m.probe()) {
        probeIds.add(m.id());
        probes.add(p);
      }
    }
    List<Tuple2<String, String>> out = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      for (int j = 0; j < homes.size(); j++) {
        String a = probeIds.get(i);
        String b = homeIds.get(j);
        if (!a.equals(b) && link.linked(key, a, probes.get(i), b, homes.get(j))) {
          out.add(new Tuple2<>(a, b));
        }
      }
    }
    return out;
  }
}
