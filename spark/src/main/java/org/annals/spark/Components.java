package org.annals.spark;

import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of a graph given as edges, each named by its smallest node: the families of
 * near-duplicate articles and the clusters of related reports, as the store's union-find names
 * them. Labels spread along edges and jump to their own label's label each round, so a component of
 * diameter {@code d} settles in about {@code log d} rounds; nodes without an edge are their own
 * component. Deterministic whatever the partitioning.
 */
final class Components {
  private Components() {}

  /** Each node of {@code nodes} with the smallest node of its component. */
  static JavaPairRDD<String, String> of(
      JavaRDD<String> nodes, JavaPairRDD<String, String> edges, int partitions) {
    JavaPairRDD<String, String> adjacent =
        edges
            .flatMapToPair(e -> List.of(e, e.swap()).iterator())
            .distinct(partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<String, String> labels =
        adjacent
            .keys()
            .distinct(partitions)
            .mapToPair(n -> new Tuple2<>(n, n))
            .persist(StorageLevel.MEMORY_AND_DISK());
    while (true) {
      JavaPairRDD<String, String> spread =
          adjacent.join(labels, partitions).mapToPair(t -> new Tuple2<>(t._2._1, t._2._2));
      JavaPairRDD<String, String> next =
          labels.union(spread).reduceByKey(Components::min, partitions);
      // a node takes its label's label: chains shorten by half each round
      JavaPairRDD<String, String> jumped =
          next.mapToPair(Tuple2::swap)
              .join(next, partitions)
              .mapToPair(t -> new Tuple2<>(t._2._1, t._2._2));
      next =
          next.union(jumped)
              .reduceByKey(Components::min, partitions)
              .persist(StorageLevel.MEMORY_AND_DISK());
      long changed = next.join(labels, partitions).filter(t -> !t._2._1.equals(t._2._2)).count();
      labels.unpersist(false);
      labels = next;
      if (changed == 0) {
        break;
      }
    }
    adjacent.unpersist(false);
    JavaPairRDD<String, String> found = labels;
    return nodes
        .mapToPair(n -> new Tuple2<>(n, n))
        .leftOuterJoin(found, partitions)
        .mapValues(t -> t._2.isPresent() ? t._2.get() : t._1);
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
