package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReadOnlyStoreTest {
  @TempDir Path dir;

  private Path store() {
    Path db = dir.resolve("store").resolve("s.duckdb");
    try {
      Files.createDirectories(db.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    RecoderTest.ingest(db, new FakeCoder());
    return db;
  }

  private static String export(EventStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Exporter(store)
        .export(
            "jsonl",
            new Exporter.Filter(null, null, null, null),
            false,
            null,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new int[1]);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void openReadOnly_currentStore_exportsAndRefusesWrites() {
    Path db = store();
    String expected;
    try (EventStore store = EventStore.open(db)) {
      expected = export(store);
    }

    try (EventStore store = EventStore.openReadOnly(db)) {
      assertThat(export(store)).isEqualTo(expected).isNotEmpty();
      assertThatThrownBy(
              () -> {
                Ingester in = new Ingester(store, new FakeCoder(), p -> {}, s -> {}, 1);
                in.add(FakeCoder.article(99, "Nairobi", "2024-06-01"));
              })
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void openReadOnly_version2Store_readsItWithoutMigrating() throws Exception {
    Path db = store();
    String expected;
    try (EventStore store = EventStore.open(db)) {
      expected = export(store);
    }
    Path old = SchemaTest.asVersion2(db);

    try (EventStore store = EventStore.openReadOnly(old)) {
      assertThat(export(store)).isEqualTo(expected);
      assertThat(Schema.version(store.connection())).isEqualTo(2);
    }
  }

  @Test
  void openReadOnly_fileAndDirectoryWithoutWritePermission_exports() throws Exception {
    Path db = store();
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(db.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root writes whatever the permissions say: there only the access-mode test above counts
      assumeFalse(Files.isWritable(db), "running as root: file permissions do not apply");
      assertThatThrownBy(() -> EventStore.open(db))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("export only reads");

      try (EventStore store = EventStore.openReadOnly(db)) {
        assertThat(export(store)).isNotEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(db.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @Test
  void openReadOnly_storeHeldByAnotherProcess_namesItsPid() throws Exception {
    Path db = store();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldStoreMain.class.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    try {
      var out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("open");

      assertThatThrownBy(() -> EventStore.openReadOnly(db))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is in use by another process (PID " + p.pid())
          .hasMessageContaining("wait for it to finish");
      assertThatThrownBy(() -> EventStore.open(db))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is in use by another process (PID " + p.pid());
    } finally {
      p.getOutputStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void openReadOnly_missingFile_saysToIngestFirstAndCreatesNothing() {
    Path db = dir.resolve("missing.duckdb");

    assertThatThrownBy(() -> EventStore.openReadOnly(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no store at");
    assertThat(db).doesNotExist();
  }
}
