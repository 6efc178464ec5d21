package org.annals.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.annals.event.PlaceMention;
import org.annals.output.EventWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals places INPUT…}: every place mention, resolved, as JSON Lines. */
@Command(
    name = "places",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every place mention of the articles as JSON Lines: article_id, text, start, end,"
          + " use (place, actor or demonym), geonames_id, name, country, admin1, lat, lon,"
          + " precision (site, city, district, region, country, continent) and rule.",
      "INPUT is read as by `annals code`."
    })
final class PlacesCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "article files, or - for stdin")
  List<String> inputs;

  @Option(
      names = "--lexicon",
      paramLabel = "DIR",
      description = "a directory of lexicon files (landmarks.tsv, countries.tsv, …) to add")
  Path lexicon;

  @Option(names = "--threads", defaultValue = "2", description = "worker threads (default 2)")
  int threads;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  PlacesCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Runner.Batch batch = new Runner.Batch();
    var articles = Runner.readAll(inputs, in, null, err, batch);
    if (articles.isEmpty()) {
      return 1;
    }
    int[] mentions = new int[1];
    Runner.processAll(
        Runner.pipeline(lexicon, false),
        articles,
        Options.threads(spec, threads),
        err,
        batch,
        r -> {
          for (PlaceMention p : r.places()) {
            try {
              out.println(EventWriter.JSON.writeValueAsString(p));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              throw new IllegalStateException("cannot write a place mention as JSON", e);
            }
            mentions[0]++;
          }
        });
    org.annals.output.OutputException.check(out, "standard output");
    err.printf(
        java.util.Locale.ROOT,
        "annals: %d article(s), %d skipped, %d place mention(s)%n",
        batch.coded,
        batch.skipped,
        mentions[0]);
    return batch.coded == 0 ? 1 : 0;
  }
}
