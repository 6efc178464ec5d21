package org.annals.store;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a store, says "open" and holds it until its standard input closes: {@code DB}. */
final class HoldStoreMain {
  private HoldStoreMain() {}

  public static void main(String[] args) throws IOException {
    try (EventStore store = EventStore.open(Path.of(args[0]))) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the store
      }
    }
  }
}
