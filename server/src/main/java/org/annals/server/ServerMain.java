package org.annals.server;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.annals.cli.Coders;
import org.annals.store.EventStore;
import org.annals.store.SyntheticStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The commands of the server module, run by the {@code annals} launcher: {@code serve}, {@code
 * generate} (a synthetic store for load tests) and {@code bench-api}. Exit codes as the command
 * line's: 0 success, 1 failure, 2 usage error.
 */
@Command(
    name = "annals",
    mixinStandardHelpOptions = true,
    description = "The Annals HTTP API and dashboard.",
    subcommands = {
      ServerMain.Serve.class,
      ServerMain.Generate.class,
      LoadBench.class,
    })
public final class ServerMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new ServerMain());
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    org.annals.cli.Main.reportErrors(cli);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code annals serve}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description =
          "Serves the store's events: the HTTP API under /api (OpenAPI at /api/openapi.json) and"
              + " the dashboard at /. Ctrl-C stops it.")
  static final class Serve implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", defaultValue = "annals.duckdb", description = "the store")
    Path db;

    @Option(names = "--port", defaultValue = "8080", description = "port (0: any free port)")
    int port;

    @Option(
        names = "--host",
        defaultValue = "127.0.0.1",
        description = "address to listen on (0.0.0.0: every interface)")
    String host;

    @Option(
        names = "--token",
        description =
            "bearer token that POST /api/articles needs (default: $ANNALS_TOKEN; none: read-only)")
    @Nullable String token;

    @Option(names = "--threads", defaultValue = "2", description = "coding threads for posts")
    int threads;

    @Option(
        names = "--tiles",
        paramLabel = "URL",
        description =
            "an online tile layer for the map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
                + " (default: none; the map draws its own country outlines)")
    @Nullable String tiles;

    @Override
    public void run() {
      if (port < 0 || port > 65_535) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--port " + port + " is not a port; use 1 to 65535, or 0");
      }
      String t = token != null ? token : System.getenv("ANNALS_TOKEN");
      PrintWriter out = spec.commandLine().getOut();
      EventStore store = EventStore.open(db);
      ApiServer server = new ApiServer(store, t, () -> Coders.hybrid(threads));
      server.tiles(tiles);
      int bound;
      try {
        bound = server.start(host, port);
      } catch (RuntimeException e) {
        server.close();
        store.close();
        throw new IllegalArgumentException(
            "cannot listen on "
                + host
                + ":"
                + port
                + " ("
                + e.getMessage()
                + "); is another"
                + " server running there? Choose another --port",
            e);
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    store.close();
                    System.err.println("annals serve: stopped");
                    stopped.countDown();
                  }));
      out.printf(
          java.util.Locale.ROOT,
          "annals serve: %s at http://%s:%d/ (API: /api/events, /api/openapi.json); %s;"
              + " Ctrl-C stops%n",
          db,
          host.equals("0.0.0.0") ? "localhost" : host,
          bound,
          t == null || t.isBlank()
              ? "read-only (no --token)"
              : "POST /api/articles accepts articles");
      out.flush();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code annals generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Makes a store of synthetic events, for load tests of the API.")
  static final class Generate implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, description = "a new store file")
    Path db;

    @Option(names = "--events", defaultValue = "1000000", description = "how many")
    int events;

    @Option(names = "--seed", defaultValue = "1", description = "random seed")
    long seed;

    @Override
    public void run() {
      if (events < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--events must be positive");
      }
      PrintWriter out = spec.commandLine().getOut();
      long t0 = System.nanoTime();
      try (EventStore store = EventStore.open(db)) {
        SyntheticStore.generate(
            store,
            events,
            seed,
            n -> {
              out.printf(java.util.Locale.ROOT, "generate: %,d events%n", n);
              out.flush();
            });
      }
      out.printf(
          java.util.Locale.ROOT,
          "generate: %,d synthetic events in %s (%.0f s)%n",
          events,
          db,
          (System.nanoTime() - t0) / 1e9);
    }
  }
}
