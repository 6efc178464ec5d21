package org.annals.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the job does.
 *
 * @param inputs files, directories or globs, in the order {@code annals ingest} would read them
 * @param inputLists files listing more inputs, one a line (plain or gzipped, as Common Crawl's
 *     {@code warc.paths.gz}), read after {@code inputs}
 * @param inputPrefix what a listed path without a scheme is resolved against (e.g. {@code
 *     s3a://commoncrawl/}); without it, the list file's directory
 * @param output the directory to create; the job fails if it exists, unless {@code overwrite}
 * @param published the publication date of articles that give none
 * @param from only events that end on or after this day are written (as {@code export --from})
 * @param to only events that start on or before this day are written
 * @param partitions how many partitions code the articles (0: twice the default parallelism)
 * @param hotBlock a blocking key with more members than this is split (salted) across tasks
 * @param failOnce stages ({@code code}, {@code write}) whose first task fails on its first attempt,
 *     midway: for tests of retries
 */
public record JobOptions(
    List<String> inputs,
    List<String> inputLists,
    @Nullable String inputPrefix,
    String output,
    @Nullable LocalDate published,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    int partitions,
    int hotBlock,
    boolean overwrite,
    Set<String> failOnce)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Members of one blocking key compared in one task before the key is split. */
  public static final int DEFAULT_HOT_BLOCK = 2000;

  public static final String USAGE =
      "usage: annals-spark --input PATH[,PATH…] | --input-list FILE [--input-prefix URI]"
          + " --output DIR [--published YYYY-MM-DD]"
          + " [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--partitions N] [--overwrite]";

  public JobOptions {
    inputs = List.copyOf(inputs);
    inputLists = List.copyOf(inputLists);
    failOnce = Set.copyOf(failOnce);
    if (inputs.isEmpty() && inputLists.isEmpty()) {
      throw new IllegalArgumentException("give at least one --input or --input-list; " + USAGE);
    }
    if (hotBlock < 2) {
      throw new IllegalArgumentException("the hot-block size must be at least 2, got " + hotBlock);
    }
  }

  /** These options with another split size for hot blocking keys. */
  public JobOptions withHotBlock(int size) {
    return new JobOptions(
        inputs,
        inputLists,
        inputPrefix,
        output,
        published,
        from,
        to,
        partitions,
        size,
        overwrite,
        failOnce);
  }

  /** These options, with the first task of each of these stages failing once. */
  public JobOptions withFailOnce(Set<String> stages) {
    return new JobOptions(
        inputs,
        inputLists,
        inputPrefix,
        output,
        published,
        from,
        to,
        partitions,
        hotBlock,
        overwrite,
        stages);
  }

  /** Parses the command line; a bad argument throws with what to do. */
  public static JobOptions parse(String[] args) {
    List<String> inputs = new ArrayList<>();
    List<String> lists = new ArrayList<>();
    String prefix = null;
    String output = null;
    LocalDate published = null;
    LocalDate from = null;
    LocalDate to = null;
    int partitions = 0;
    boolean overwrite = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--input" -> {
          String v = value(args, ++i, a);
          for (String p : v.split(",")) {
            if (!p.isBlank()) {
              inputs.add(p.strip());
            }
          }
          // more paths may follow, as with a shell glob: --input a.jsonl b.warc.gz
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            inputs.add(args[++i]);
          }
        }
        case "--input-list" -> lists.add(value(args, ++i, a));
        case "--input-prefix" -> prefix = value(args, ++i, a);
        case "--output" -> output = value(args, ++i, a);
        case "--published" -> published = date(value(args, ++i, a), a);
        case "--from" -> from = date(value(args, ++i, a), a);
        case "--to" -> to = date(value(args, ++i, a), a);
        case "--partitions" -> {
          String v = value(args, ++i, a);
          try {
            partitions = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "--partitions takes a whole number, got '" + v + "'");
          }
          if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more, got " + v);
          }
        }
        case "--overwrite" -> overwrite = true;
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'; " + USAGE);
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("give --output DIR; " + USAGE);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
    if (prefix != null && prefix.isBlank()) {
      throw new IllegalArgumentException("--input-prefix needs a URI, e.g. s3a://commoncrawl/");
    }
    if (prefix != null && lists.isEmpty()) {
      throw new IllegalArgumentException("--input-prefix applies to --input-list; " + USAGE);
    }
    return new JobOptions(
        inputs,
        lists,
        prefix,
        output,
        published,
        from,
        to,
        partitions,
        DEFAULT_HOT_BLOCK,
        overwrite,
        Set.of());
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return args[i];
  }

  private static LocalDate date(String v, String option) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " takes a date as YYYY-MM-DD, got '" + v + "'");
    }
  }
}
