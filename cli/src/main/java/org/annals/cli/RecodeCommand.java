package org.annals.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.annals.store.EventStore;
import org.annals.store.Ingester;
import org.annals.store.RecodeSummary;
import org.annals.store.Recoder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals recode [--db FILE] [--from D --to D]}: codes stored articles again. */
@Command(
    name = "recode",
    mixinStandardHelpOptions = true,
    description = {
      "Codes the store's articles again with this Annals' lexicon and model, replaces their"
          + " reports and recomputes the events they touch, so the store ends as a fresh ingest of"
          + " the same articles would. Works in batches of one transaction each and skips articles"
          + " this coder already coded, so a run that was killed picks up where it stopped.",
      "Articles stored by an Annals before schema version 3 have no stored text: they keep"
          + " their reports, and the summary says how many."
    })
final class RecodeCommand implements Callable<Integer> {
  @Option(
      names = "--db",
      defaultValue = "annals.duckdb",
      paramLabel = "FILE",
      description = "the store (default ./annals.duckdb)")
  Path db;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "only articles published on or after this day")
  @Nullable String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "only articles published on or before this day")
  @Nullable String to;

  @Option(
      names = "--lexicon",
      paramLabel = "DIR",
      description = "a directory of lexicon files whose entries are added to the built-in ones")
  @Nullable Path lexicon;

  @Option(names = "--threads", defaultValue = "2", description = "worker threads (default 2)")
  int threads;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "articles per transaction (default 100); a killed run loses at most one batch")
  int batch;

  @CommandLine.Mixin Options.Coder coder;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintStream err;

  RecodeCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    LocalDate start = Options.date(spec, "--from", from);
    LocalDate end = Options.date(spec, "--to", to);
    if (start != null && end != null && start.isAfter(end)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--from " + start + " is after --to " + end + "; swap them");
    }
    Options.threads(spec, threads);
    if (batch < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--batch must be at least 1, got " + batch);
    }
    if (!Files.isRegularFile(db)) {
      err.println(
          "annals: no store at "
              + db
              + "; run 'annals ingest INPUT… --db "
              + db
              + "' first, or pass --db FILE");
      return 1;
    }
    Ingester.Coder c = Runner.coder(lexicon, threads, () -> coder.classifier(spec));
    c.version(); // a bad --coder, --model or --lexicon fails here, before the store is opened
    RecodeSummary summary;
    try (EventStore store = EventStore.open(db)) {
      long[] lastLine = {System.nanoTime()};
      summary =
          new Recoder(
                  store,
                  c,
                  p -> err.println(p),
                  s -> {
                    if (System.nanoTime() - lastLine[0] > Progress.LINE_EVERY_SECONDS * 1e9) {
                      err.println("annals: " + s.progressLine());
                      lastLine[0] = System.nanoTime();
                    }
                  },
                  batch)
              .recode(start, end);
    }
    err.print(summary.report(db.toString()));
    return summary.failed() > 0 ? 1 : 0;
  }
}
