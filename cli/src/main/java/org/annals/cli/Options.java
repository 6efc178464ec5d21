package org.annals.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.annals.classify.EventClassifier;
import org.annals.model.OnnxEventClassifier;
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

    /** The thread count, checked: at least 1. */
    int threads(CommandLine.Model.CommandSpec spec) {
      return Options.threads(spec, threads);
    }
  }

  /** A checked {@code --threads} value. */
  static int threads(CommandLine.Model.CommandSpec spec, int threads) {
    if (threads < 1 || threads > 256) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--threads must be between 1 and 256, got "
              + threads
              + "; the default 2 suits a laptop, use the number of cores on a larger machine");
    }
    return threads;
  }

  /** Which coder decides the event types: the rules with the trained classifier, or the rules. */
  static final class Coder {
    @Option(
        names = "--coder",
        defaultValue = "hybrid",
        paramLabel = "CODER",
        description =
            "hybrid (default: the trained classifier decides the types beside the rules) or rules"
                + " (the rules alone)")
    String coder = "hybrid";

    @Option(
        names = "--model",
        paramLabel = "FILE",
        description = "a model file made by 'annals train' instead of the built-in one")
    @Nullable Path model;

    /** The classifier to code with (null: the rules alone). */
    @Nullable EventClassifier classifier(CommandLine.Model.CommandSpec spec) {
      switch (coder) {
        case "rules":
          if (model != null) {
            throw new CommandLine.ParameterException(
                spec.commandLine(), "--model needs --coder hybrid (the rules use no model)");
          }
          return null;
        case "hybrid":
          return model == null ? OnnxEventClassifier.builtIn() : OnnxEventClassifier.load(model);
        default:
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--coder '" + coder + "' is not a coder; use hybrid or rules");
      }
    }
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
