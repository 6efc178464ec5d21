package org.annals.server;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.annals.store.EventStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals bench-api}: starts the server on a store (read-only, a free loopback port) and
 * drives one query at {@code --clients} concurrent clients, each sending its next request when the
 * last one answered; prints latency percentiles and requests a second. Each request draws its
 * country and date window at random, so no cache can answer a run from one result.
 */
@Command(
    name = "bench-api",
    mixinStandardHelpOptions = true,
    description = "Load benchmark of the API: p50/p95/p99 latency and requests/s.")
final class LoadBench implements Runnable {
  static final List<String> COUNTRIES =
      List.of("UKR", "SYR", "IRQ", "NGA", "IND", "MMR", "AFG", "YEM", "KEN", "MEX", "USA", "FRA");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", required = true, description = "the store (e.g. made by generate)")
  Path db;

  @Option(names = "--clients", defaultValue = "50", description = "concurrent clients")
  int clients;

  @Option(names = "--seconds", defaultValue = "20", description = "measured seconds a query")
  int seconds;

  @Option(names = "--warmup", defaultValue = "5", description = "unmeasured seconds first")
  int warmup;

  @Option(
      names = "--query",
      defaultValue = "events,timeline",
      split = ",",
      description = "events (country and date filter), timeline, or both")
  List<String> queries;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    try (EventStore store = EventStore.open(db);
        ApiServer server =
            new ApiServer(
                store,
                null,
                () -> {
                  throw new IllegalStateException("read-only");
                })) {
      int port = server.start("127.0.0.1", 0);
      double startup = (System.nanoTime() - t0) / 1e9;
      System.gc();
      Runtime rt = Runtime.getRuntime();
      out.printf(
          Locale.ROOT,
          "bench-api: server ready in %.1f s (index built); heap in use after GC %,d MB of %,d MB%n",
          startup,
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.maxMemory() >> 20);
      out.printf(
          Locale.ROOT,
          "bench-api: %s, %,d events, %d clients, %d s a query after %d s warm-up%n",
          db,
          store.count("events"),
          clients,
          seconds,
          warmup);
      out.flush();
      for (String q : queries) {
        if (!q.equals("events") && !q.equals("timeline")) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--query " + q + " is not events or timeline");
        }
        drive(port, q, warmup, null);
        Result r = new Result();
        drive(port, q, seconds, r);
        out.printf(
            Locale.ROOT,
            "bench-api: %-8s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  %7.1f requests/s  (%,d"
                + " requests, %d errors)%n",
            q,
            r.percentile(50),
            r.percentile(95),
            r.percentile(99),
            r.latencies.size() / (double) seconds,
            r.latencies.size(),
            r.errors.get());
        out.flush();
      }
    }
  }

  private static final class Result {
    final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger errors = new AtomicInteger();

    double percentile(int p) {
      List<Double> l = new ArrayList<>(latencies);
      if (l.isEmpty()) {
        return Double.NaN;
      }
      Collections.sort(l);
      return l.get(Math.min(l.size() - 1, (int) Math.ceil(p / 100.0 * l.size()) - 1));
    }
  }

  private void drive(int port, String query, int secs, Result result) {
    HttpClient http =
        HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long end = System.nanoTime() + secs * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      long seed = c * 7919L + (result == null ? 1 : 2);
      pool.execute(
          () -> {
            SplittableRandom random = new SplittableRandom(seed);
            while (System.nanoTime() < end) {
              URI uri = URI.create("http://127.0.0.1:" + port + path(query, random));
              long t0 = System.nanoTime();
              try {
                HttpResponse<byte[]> res =
                    http.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (result != null) {
                  if (res.statusCode() == 200) {
                    result.latencies.add((System.nanoTime() - t0) / 1e6);
                  } else {
                    result.errors.incrementAndGet();
                  }
                }
              } catch (java.io.IOException e) {
                if (result != null) {
                  result.errors.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    pool.shutdown();
    try {
      pool.awaitTermination(secs + 60L, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A random country and a random window of one to twelve months within 2015-2024. */
  static String path(String query, SplittableRandom random) {
    String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    LocalDate from = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3300));
    LocalDate to = from.plusMonths(1 + random.nextInt(12));
    String filter = "country=" + country + "&from=" + from + "&to=" + to;
    return query.equals("timeline")
        ? "/api/stats/timeline?interval=week&" + filter
        : "/api/events?limit=100&" + filter;
  }
}
