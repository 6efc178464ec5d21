package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExporterTest {
  private static final Exporter.Filter ALL = new Exporter.Filter(null, null, null, null);

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void ingest() {
    db = dir.resolve("x.duckdb");
    IngesterTest.ingest(db, FakeCoder.corpus(40), 8, new ArrayList<>());
  }

  private String export(String format, Exporter.Filter filter, boolean reports) {
    var bytes = new ByteArrayOutputStream();
    try (EventStore store = EventStore.open(db);
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new Exporter(store).export(format, filter, reports, null, out, new int[1]);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parquet_readsBackInDuckDb() throws Exception {
    Path file = dir.resolve("events.parquet");
    try (EventStore store = EventStore.open(db)) {
      int n = new Exporter(store).export("parquet", ALL, false, file, System.out, new int[1]);
      assertThat(n).isEqualTo(20);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*), sum(num_reports),"
                        + " min(date), typeof(min(date)), typeof(min(location_lat)), max(article_ids)"
                        + " FROM read_parquet('"
                        + file
                        + "')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(20);
      assertThat(rs.getInt(2)).isEqualTo(40);
      assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2024, 6, 1));
      assertThat(rs.getString(4)).isEqualTo("DATE");
      assertThat(rs.getString(5)).isEqualTo("DOUBLE");
      assertThat(rs.getString(6)).contains(";");
    }
  }

  @Test
  void csv_hasHeaderAndOneRowPerEvent() {
    String[] lines = export("csv", ALL, false).split("\n");

    assertThat(lines[0])
        .startsWith("id,article_id,date,")
        .contains("num_reports,num_articles," + "num_sources,first_seen,last_seen,article_ids")
        .doesNotContain("json");
    assertThat(lines).hasSize(21);
  }

  @Test
  void jsonl_reportsCarryTheirEvent() throws Exception {
    String[] lines = export("jsonl", ALL, true).split("\n");

    assertThat(lines).hasSize(40);
    JsonNode first = EventStore.JSON.readTree(lines[0]);
    assertThat(first.get("event_id").asText()).isNotEmpty();
    assertThat(first.get("evidence").get(0).get("sentence").asText()).startsWith("Rioters");
  }

  @Test
  void geojson_isAFeatureCollectionOfPoints() throws Exception {
    JsonNode doc = EventStore.JSON.readTree(export("geojson", ALL, false));

    assertThat(doc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(doc.get("features")).hasSize(20);
    JsonNode f = doc.get("features").get(0);
    assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isBetween(33.0, 42.0);
    assertThat(f.get("properties").get("num_reports").isInt()).isTrue();
  }

  @Test
  void filters_selectByDateCountryAndType() {
    var day =
        new Exporter.Filter(LocalDate.of(2024, 6, 2), LocalDate.of(2024, 6, 2), "ken", "protest");
    var elsewhere = new Exporter.Filter(null, null, "IRQ", null);

    assertThat(export("csv", day, false).split("\n")).hasSize(5); // header + 4 cities
    assertThat(export("csv", elsewhere, false).split("\n"))
        .hasSize(1)
        .allSatisfy(header -> assertThat(header).startsWith("id,article_id,date,"));
  }

  @Test
  void parquet_withoutOutputFile_isRefused() {
    try (EventStore store = EventStore.open(db)) {
      assertThatThrownBy(
              () -> new Exporter(store).export("parquet", ALL, false, null, System.out, new int[1]))
          .hasMessageContaining("--output");
    }
  }
}
