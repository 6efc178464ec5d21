package org.annals.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark for the tests of this module: two cores, a failed task retried up to 3 times. */
final class LocalSpark {
  private LocalSpark() {}

  static synchronized SparkSession session() {
    return SparkSession.builder()
        .master("local[2,4]")
        .appName("annals-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }
}
