package org.annals.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.annals.store.ExportRows;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The job's output directory: {@code events/} and {@code reports/} (Parquet, partitioned by the
 * event's month, {@code month=YYYY-MM} or {@code month=undated}, in the columns of {@code annals
 * export --format parquet}), {@code articles/} and {@code problems/}. Everything is written into a
 * hidden directory beside the output and renamed into place at the end, so a reader never sees half
 * a dataset; within it, Spark's commit protocol keeps only one attempt of each task.
 */
final class Output {
  private Output() {}

  /** The column events and reports are partitioned by. */
  static final String MONTH = "month";

  /** The Spark schema of a table with these columns, plus the month when asked. */
  static StructType schema(List<ExportRows.Column> columns, boolean month) {
    List<StructField> fields = new ArrayList<>();
    for (ExportRows.Column c : columns) {
      fields.add(DataTypes.createStructField(c.name(), type(c.type()), c.nullable()));
    }
    if (month) {
      fields.add(DataTypes.createStructField(MONTH, DataTypes.StringType, false));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType type(String sql) {
    return switch (sql) {
      case "DATE" -> DataTypes.DateType;
      case "INTEGER" -> DataTypes.IntegerType;
      case "BIGINT" -> DataTypes.LongType;
      case "DOUBLE" -> DataTypes.DoubleType;
      case "BOOLEAN" -> DataTypes.BooleanType;
      case "VARCHAR" -> DataTypes.StringType;
      default -> throw new IllegalArgumentException("no Spark type for SQL type " + sql);
    };
  }

  /** The output directory, as a full path of its file system. */
  static Path target(Configuration conf, JobOptions options) {
    Path out = new Path(options.output());
    try {
      return out.getFileSystem(conf).makeQualified(out);
    } catch (IOException | IllegalArgumentException e) {
      throw new JobException(
          "cannot use the output " + options.output() + ": " + e.getMessage() + "; check the path",
          e);
    }
  }

  /** Where one run writes before its output is renamed into place. */
  static Path staging(Path output, String runId) {
    return new Path(output.getParent(), "." + output.getName() + ".partial-" + runId);
  }

  /** Fails, before any work, if the output exists and may not be replaced. */
  static void check(Configuration conf, JobOptions options) {
    Path out = target(conf, options);
    try {
      FileSystem fs = out.getFileSystem(conf);
      if (fs.exists(out) && !options.overwrite()) {
        throw new JobException(
            "the output "
                + out
                + " exists; give another --output directory, or --overwrite to replace it");
      }
      if (fs.exists(out) && fs.getFileStatus(out).isFile()) {
        throw new JobException(
            "the output " + out + " is a file; --output names a directory the job creates");
      }
    } catch (IOException e) {
      throw new JobException("cannot check the output " + out + ": " + e.getMessage(), e);
    }
  }

  /** Writes one table under the staging directory. */
  static void write(
      SparkSession spark,
      JavaRDD<Row> rows,
      StructType schema,
      Path staging,
      String table,
      boolean byMonth) {
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    var writer = df.write().mode(SaveMode.ErrorIfExists);
    if (byMonth) {
      writer = writer.partitionBy(MONTH);
    }
    writer.parquet(new Path(staging, table).toString());
  }

  /** Moves the staged output into place, replacing an old one if allowed. */
  static void commit(Configuration conf, Path staging, JobOptions options) {
    Path out = target(conf, options);
    try {
      FileSystem fs = out.getFileSystem(conf);
      if (fs.exists(out)) {
        if (!options.overwrite()) {
          throw new JobException(
              "the output "
                  + out
                  + " appeared while the job ran; the result is kept in "
                  + staging);
        }
        if (!fs.delete(out, true)) {
          throw new JobException(
              "cannot remove the old output " + out + "; the result is kept in " + staging);
        }
      }
      if (out.getParent() != null) {
        fs.mkdirs(out.getParent());
      }
      if (!fs.rename(staging, out)) {
        throw new JobException(
            "cannot move the result from " + staging + " to " + out + "; it is kept there");
      }
    } catch (IOException e) {
      throw new JobException(
          "cannot move the result into "
              + out
              + ": "
              + e.getMessage()
              + "; it is kept in "
              + staging,
          e);
    }
  }

  /** Removes a staging directory left by a failed run. */
  static void discard(Configuration conf, Path staging) {
    try {
      staging.getFileSystem(conf).delete(staging, true);
    } catch (IOException e) {
      // nothing more to do: the directory is hidden and named after the run
    }
  }
}
