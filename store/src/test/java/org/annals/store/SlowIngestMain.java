package org.annals.store;

import java.nio.file.Path;

/**
 * Ingests the synthetic corpus slowly, printing a line after each stored batch, so a test can kill
 * it part-way: {@code SlowIngestMain DB ARTICLES SLEEP_MS}.
 */
final class SlowIngestMain {
  private SlowIngestMain() {}

  public static void main(String[] args) {
    try (EventStore store = EventStore.open(Path.of(args[0]))) {
      Ingester in =
          new Ingester(
              store,
              new FakeCoder(Long.parseLong(args[2])),
              p -> {},
              s -> {
                System.out.println("stored " + s.stored());
                System.out.flush();
              },
              5);
      FakeCoder.corpus(Integer.parseInt(args[1])).forEach(in::add);
      in.finish();
    }
  }
}
