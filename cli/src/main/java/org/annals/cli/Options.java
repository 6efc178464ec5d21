package org.annals.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options the commands share, checked with a usage error that says what to type. */
final class Options {
  private Options() {}

  /** The options of the commands that code articles ({@code code}, {@code ingest}). */
  static final class Coding {
    @Option(
        names = "--published",
        paramLabel = "YYYY-MM-DD",
        description = "publication date for articles that do not carry one (resolves \"Monday\")")
    @Nullable String published;

    @Option(
        names = "--lexicon",
        paramLabel = "DIR",
        description = "a directory of lexicon files whose entries are added to the built-in ones")
    @Nullable Path lexicon;

    @Option(names = "--threads", defaultValue = "2", description = "worker threads (default 2)")
    int threads;
  }

  /** Parses a {@code YYYY-MM-DD} option value; null stays null. */
  static @Nullable LocalDate date(
      CommandLine.Model.CommandSpec spec, String option, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option + " '" + text + "' is not a date; use YYYY-MM-DD, e.g. 2022-08-29");
    }
  }
}
