package org.annals.store;

import java.nio.file.Path;

/**
 * Re-codes a store with the second fake coder slowly, printing a line after each batch, so a test
 * can kill it part-way: {@code SlowRecodeMain DB SLEEP_MS}.
 */
final class SlowRecodeMain {
  private SlowRecodeMain() {}

  public static void main(String[] args) {
    try (EventStore store = EventStore.open(Path.of(args[0]))) {
      new Recoder(
              store,
              new FakeCoder(Long.parseLong(args[1]), 2),
              p -> {},
              s -> {
                System.out.println("recoded " + s.recoded());
                System.out.flush();
              },
              4)
          .recode(null, null);
    }
  }
}
