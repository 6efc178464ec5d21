package org.annals.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annals.ingest.ArticleReader;
import org.annals.ingest.RawArticle;
import org.annals.output.EventWriter;
import org.annals.output.OutputException;
import org.annals.store.Ingester;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals read INPUT…}: each article as the reader sees it, one JSON object a line. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Prints each article as Annals reads it, before coding, as JSON Lines {id, origin, url,"
          + " title, published, outlet, text}: to check what was extracted from web pages, WARC"
          + " files and feeds, or to pipe articles into other tools (the output is valid input"
          + " to 'annals code' and 'annals ingest').",
      "INPUT is any input 'annals code' takes. Offsets printed by 'annals code' point into the"
          + " text shown here."
    })
final class ReadCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "article files, or - for stdin")
  List<String> inputs;

  @Option(
      names = "--published",
      paramLabel = "YYYY-MM-DD",
      description = "publication date for articles that do not carry one")
  @Nullable String published;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  ReadCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    LocalDate date = Options.date(spec, "--published", published);
    Runner.Batch batch = new Runner.Batch();
    ArticleReader reader =
        new ArticleReader(
            a -> {
              out.println(json(a.withDefaultPublished(date)));
              if (++batch.coded % 256 == 0) {
                OutputException.check(out, "standard output");
              }
            },
            p -> Runner.problem(err, batch, p));
    for (String input : inputs) {
      reader.read(input, in);
    }
    OutputException.check(out, "standard output");
    if (batch.coded == 0) {
      err.println("annals: no article could be read from " + Runner.names(inputs));
    }
    err.printf(
        Locale.ROOT,
        "annals: %d article(s) read, %d skipped%s%n",
        batch.coded,
        batch.skipped,
        batch.warnings == 0 ? "" : ", " + batch.warnings + " warning(s)");
    return batch.coded == 0 ? 1 : 0;
  }

  /**
   * One article as a JSON line; {@code outlet} is what the store records ({@link Ingester#outlet}).
   */
  static String json(RawArticle a) {
    ObjectNode n = EventWriter.JSON.createObjectNode();
    n.put("id", a.id());
    n.put("origin", a.origin());
    n.put("url", a.url());
    n.put("title", a.title());
    n.put("published", a.published() == null ? null : a.published().toString());
    n.put("outlet", Ingester.outlet(a.source(), a.url()));
    n.put("text", a.text());
    try {
      return EventWriter.JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write article " + a.id() + " as JSON", e);
    }
  }
}
