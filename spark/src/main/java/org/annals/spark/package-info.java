/**
 * Annals as an Apache Spark job: the events of {@code annals ingest} + {@code annals export} from a
 * cluster. Reading, exact and near-duplicate detection, coding and merging each run as Spark
 * operations on keys, applying the single-machine store's rules, so the job's events equal the
 * store's id for id. Entry point: {@link org.annals.spark.AnnalsJob}.
 */
@NullMarked
package org.annals.spark;

import org.jspecify.annotations.NullMarked;
