package org.annals.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ServerMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ServerMain.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  @Test
  void generate_makesTheStoreOnceAndRefusesToAddToIt() {
    Path db = dir.resolve("g.duckdb");
    assertThat(run("generate", "--db", db.toString(), "--events", "1200")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1,200 synthetic events");
    assertThat(run("generate", "--db", db.toString(), "--events", "10")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds events");
  }

  @Test
  void serve_onABadOrBusyPort_saysWhatToDo() throws Exception {
    assertThat(run("serve", "--db", dir.resolve("s.duckdb").toString(), "--port", "70000"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a port");
    try (ServerSocket busy = new ServerSocket(0)) {
      int code =
          run(
              "serve",
              "--db",
              dir.resolve("t.duckdb").toString(),
              "--port",
              String.valueOf(busy.getLocalPort()));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("another --port");
    }
  }
}
