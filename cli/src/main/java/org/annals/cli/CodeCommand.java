package org.annals.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.annals.classify.EventClassifier;
import org.annals.ingest.ArticleReader;
import org.annals.ingest.RawArticle;
import org.annals.output.EventWriter;
import org.annals.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals code INPUT… [--published YYYY-MM-DD] [--format jsonl|table|csv]}. */
@Command(
    name = "code",
    mixinStandardHelpOptions = true,
    description = {
      "Codes the events in news articles and prints one event per line.",
      "INPUT is a text file (one article; an optional first line is the headline), a .jsonl file"
          + " (one article a line: id, text, optional title, published, url, source), an .html"
          + " page, a .warc or .warc.gz file, an RSS or Atom feed, a directory of these, or - for"
          + " standard input."
    })
final class CodeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "article files, or - for stdin")
  List<String> inputs;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      paramLabel = "FORMAT",
      description = "jsonl (default), table or csv")
  String format;

  @Option(
      names = "--all-sentences",
      description = "analyse every sentence, not only those the trigger scan selects (slower)")
  boolean allSentences;

  @Option(
      names = "--explain",
      description = "print to stderr every trigger match and why its clause was or was not coded")
  boolean explain;

  @CommandLine.Mixin Options.Coding coding;

  @CommandLine.Mixin Options.Coder coder;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  CodeCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Articles coded together: the input streams through in chunks of this many. */
  private static final int CHUNK = 64;

  @Override
  public Integer call() {
    LocalDate date = Options.date(spec, "--published", coding.published);
    int threads = explain ? 1 : coding.threads(spec);
    EventWriter writer;
    try {
      writer = EventWriter.forFormat(format, out);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    EventClassifier classifier = coder.classifier(spec);
    Runner.Batch batch = new Runner.Batch();
    Pipeline[] pipeline = new Pipeline[1];
    boolean[] noDate = new boolean[1];
    int[] events = new int[1];
    List<RawArticle> chunk = new ArrayList<>(CHUNK);
    Runnable codeChunk =
        () -> {
          if (chunk.isEmpty()) {
            return;
          }
          if (pipeline[0] == null) {
            pipeline[0] =
                Runner.pipeline(
                    coding.lexicon,
                    allSentences,
                    explain ? line -> err.println("explain: " + line) : null,
                    true,
                    classifier);
          }
          Runner.processAll(
              pipeline[0],
              chunk,
              threads,
              err,
              batch,
              r -> {
                for (var e : r.events()) {
                  writer.write(e);
                  events[0]++;
                }
              });
          chunk.clear();
        };
    ArticleReader reader =
        new ArticleReader(
            a -> {
              RawArticle article = a.withDefaultPublished(date);
              noDate[0] |= article.published() == null;
              chunk.add(article);
              if (chunk.size() == CHUNK) {
                codeChunk.run();
              }
            },
            p -> Runner.problem(err, batch, p));
    for (String input : inputs) {
      reader.read(input, in);
    }
    codeChunk.run();
    writer.finish();
    if (batch.coded == 0) {
      err.println("annals: no article could be read from " + Runner.names(inputs));
    }
    err.printf(
        java.util.Locale.ROOT,
        "annals: %d article(s) coded, %d skipped%s, %d event(s)%n",
        batch.coded,
        batch.skipped,
        batch.warnings == 0 ? "" : ", " + batch.warnings + " warning(s)",
        events[0]);
    if (noDate[0]) {
      err.println(
          "annals: note: some articles have no publication date, so relative dates such as"
              + " \"Monday\" stay unresolved (date_basis \"unresolved\"); pass --published YYYY-MM-DD");
    }
    return batch.coded == 0 ? 1 : 0;
  }
}
