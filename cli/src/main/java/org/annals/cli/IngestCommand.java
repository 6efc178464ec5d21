package org.annals.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.annals.ingest.ArticleReader;
import org.annals.store.EventStore;
import org.annals.store.IngestSummary;
import org.annals.store.Ingester;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals ingest INPUT… [--db FILE]}: codes articles into the event store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Codes news articles into the event store (an embedded DuckDB file), skipping articles it"
          + " already holds, linking near-duplicates and merging reports of one happening into"
          + " one event. Safe to re-run: the same input changes nothing, and a run that was"
          + " killed picks up where its last stored batch ended.",
      "INPUT is a directory, a .txt or .html file, a .jsonl file (one article a line), a .warc or"
          + " .warc.gz file, an RSS or Atom feed, or - for standard input."
    })
final class IngestCommand implements Callable<Integer> {
  /** Skip reasons that are not errors: the article is already represented in the store. */
  private static final Set<String> BENIGN =
      Set.of("already-stored", "duplicate-url", "duplicate-text");

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "article files or directories")
  List<String> inputs;

  @Option(
      names = "--db",
      defaultValue = "annals.duckdb",
      paramLabel = "FILE",
      description = "the store (default ./annals.duckdb; created if missing)")
  Path db;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "articles per transaction (default 100); a killed run loses at most one batch")
  int batch;

  @CommandLine.Mixin Options.Coding coding;

  @CommandLine.Mixin Options.Coder coder;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final PrintStream err;

  IngestCommand(InputStream in, PrintStream err) {
    this.in = in;
    this.err = err;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook reports the stop
    }
  }

  @Override
  public Integer call() {
    LocalDate date = Options.date(spec, "--published", coding.published);
    if (batch < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--batch must be at least 1, got " + batch);
    }
    Progress progress = Progress.forTerminal(err, Progress.estimate(inputs));
    IngestSummary summary;
    int threads = coding.threads(spec);
    Thread onStop = new Thread(() -> err.println(progress.interrupted(db.toString())));
    try (EventStore store = EventStore.open(db)) {
      Runtime.getRuntime().addShutdownHook(onStop);
      Ingester ingester =
          new Ingester(
              store,
              Runner.coder(
                  coding.lexicon,
                  threads,
                  () -> coder.classifier(spec),
                  progress::loading,
                  progress::article),
              p -> progress.problem(p.toString()),
              progress::update,
              batch);
      ArticleReader reader =
          new ArticleReader(a -> ingester.add(a.withDefaultPublished(date)), ingester::problem);
      for (String input : inputs) {
        reader.read(input, in);
      }
      summary = ingester.finish();
      progress.done();
      err.print(summary.report(db.toString()));
    } finally {
      removeHook(onStop);
    }
    if (summary.read() == 0) {
      err.println("annals: no article could be read from " + Runner.names(inputs));
      return 1;
    }
    boolean onlyErrors =
        summary.stored() == 0 && summary.skipped().keySet().stream().noneMatch(BENIGN::contains);
    return onlyErrors ? 1 : 0;
  }
}
