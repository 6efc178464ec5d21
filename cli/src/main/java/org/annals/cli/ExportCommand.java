package org.annals.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annals.store.EventStore;
import org.annals.store.Exporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals export --format csv|jsonl|parquet|geojson [filters]}: events out of the store. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the store's events (or, with --reports, every report) for pandas, R, QGIS, Spark"
          + " or DuckDB: csv and parquet hold flat columns with the merge counts, jsonl the full"
          + " records with all their evidence, geojson one point per located event."
    })
final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--db",
      defaultValue = "annals.duckdb",
      paramLabel = "FILE",
      description = "the store (default ./annals.duckdb)")
  Path db;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "csv, jsonl, parquet or geojson")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "write here instead of standard output (required for parquet)")
  Path output;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "events on or after this day")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "events on or before this day")
  String to;

  @Option(names = "--country", paramLabel = "ISO3", description = "events located in this country")
  String country;

  @Option(names = "--type", paramLabel = "PLOVER", description = "events of this PLOVER type")
  String type;

  @Option(
      names = "--reports",
      description =
          "export the reports (one per article mention), each"
              + " with its event_id, instead of the merged events")
  boolean reports;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  ExportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The filters, checked: a filter that cannot match is a usage error, not an empty export. */
  private Exporter.Filter filter() {
    var fromDate = Options.date(spec, "--from", from);
    var toDate = Options.date(spec, "--to", to);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--from " + from + " is after --to " + to + "; swap them");
    }
    if (country != null) {
      String problem = org.annals.place.CountryCodes.problem("--country", country);
      if (problem != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), problem);
      }
    }
    if (type != null
        && !org.annals.classify.Labels.PLOVER_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--type '"
              + type
              + "' is not a PLOVER type; use one of "
              + String.join(", ", org.annals.classify.Labels.PLOVER_TYPES));
    }
    return new Exporter.Filter(fromDate, toDate, country, type);
  }

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!Exporter.FORMATS.contains(fmt)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format '" + format + "' is not one of " + String.join(", ", Exporter.FORMATS));
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
    var filter = filter();
    int[] unlocated = new int[1];
    int n;
    try (EventStore store = EventStore.openReadOnly(db)) {
      n = new Exporter(store).export(fmt, filter, reports, output, out, unlocated);
    }
    String what = reports ? "report(s)" : "event(s)";
    err.printf(
        Locale.ROOT,
        "annals: exported %,d %s%s%s%n",
        n,
        what,
        output == null ? "" : " to " + output,
        unlocated[0] > 0
            ? "; " + unlocated[0] + " without coordinates left out of the GeoJSON"
            : "");
    return 0;
  }
}
