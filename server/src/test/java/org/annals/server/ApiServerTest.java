package org.annals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.store.EventStore;
import org.annals.store.Exporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";

  @TempDir Path dir;
  private EventStore store;
  private ApiServer server;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  static String article(String id, String city, String day, String published) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\"Riot "
        + id
        + "\",\"published\":\""
        + published
        + "\",\"url\":\"https://news.example/"
        + id
        + "\",\"source\":\"Outlet "
        + id
        + "\",\"text\":\"Rioters clashed in "
        + city
        + " on "
        + day
        + ". Witnesses told "
        + id
        + " what they saw: "
        + id.repeat(4)
        + ".\"}";
  }

  @BeforeEach
  void start() throws Exception {
    store = EventStore.open(dir.resolve("api.duckdb"));
    server = new ApiServer(store, TOKEN, RiotCoder::new);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    List<String> articles = new ArrayList<>();
    List<String> cities = List.of("Nairobi", "Mombasa", "Kampala");
    for (int i = 0; i < 30; i++) {
      String day = "2024-06-" + String.format(java.util.Locale.ROOT, "%02d", 1 + i % 10);
      articles.add(article("a" + i, cities.get(i % 3), day, day));
    }
    HttpResponse<String> r = post("[" + String.join(",", articles) + "]", TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(JSON.readTree(r.body()).get("stored").asInt()).isEqualTo(30);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> post(String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/api/articles"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void events_pagedByCursor_returnEveryEventOnceWithTheTotal() throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    String cursor = null;
    long total = -1;
    do {
      JsonNode page = json("/api/events?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
      total = page.get("total").asLong();
      for (JsonNode e : page.get("events")) {
        assertThat(ids.add(e.get("id").asText())).isTrue();
        assertThat(e.get("plover").get("type").asText()).isEqualTo("PROTEST");
      }
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
    } while (cursor != null);
    assertThat(total).isEqualTo(30); // 3 cities x 10 days
    assertThat(ids).hasSize(30);
    assertThat(json("/api/events?country=UGA&from=2024-06-03&to=2024-06-05").get("total").asInt())
        .isEqualTo(3);
    assertThat(json("/api/events?q=" + enc("rioters CLASHED nairobi")).get("total").asInt())
        .isEqualTo(10);
    assertThat(json("/api/events?actor=rioters&bbox=36,-5,40,0").get("total").asInt())
        .isEqualTo(20);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/events?from=2024-02-30|400|from",
        "/api/events?to=yesterday|400|to",
        "/api/events?from=2024-06-09&to=2024-06-01|400|swap",
        "/api/events?colour=red|400|unknown parameter colour",
        "/api/events?country=Kenya|400|ISO 3166",
        "/api/events?country=ZZZ|400|ISO 3166",
        "/api/events?plover_type=RIOT|400|PLOVER",
        "/api/events?acled_type=Fights|400|ACLED",
        "/api/events?limit=0|400|limit",
        "/api/events?limit=1001|400|limit",
        "/api/events?limit=ten|400|whole number",
        "/api/events?min_sources=-1|400|min_sources",
        "/api/events?bbox=1,2,3|400|bbox",
        "/api/events?bbox=a,b,c,d|400|bbox",
        "/api/events?bbox=0,10,10,5|400|south below north",
        "/api/events?bbox=0,0,200,10|400|longitudes",
        "/api/events?sort=random|400|sort",
        "/api/events?cursor=bm9wZQ|400|cursor",
        "/api/events?updated_since=noon|400|updated_since",
        "/api/events?limit=1&limit=2|400|more than once",
        "/api/events/no-such-event|404|no event",
        "/api/events/removed|400|since is required",
        "/api/stats/timeline?interval=year|400|interval",
        "/api/stats/admin1|400|one country",
        "/api/stats/grid?zoom=40|400|zoom",
        "/api/nowhere|404|no such path",
      })
  void badRequest_getsJsonErrorWithTheRightStatus(String path, int status, String says)
      throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("error").asText()).containsIgnoringCase(says);
    assertThat(body.has("detail")).isTrue();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void post_withoutTheRightTokenOrWithBadBodies_isRefusedAndStoresNothing() throws Exception {
    int before = store.count("articles");
    assertThat(post(article("x1", "Nairobi", "2024-06-01", "2024-06-01"), null).statusCode())
        .isEqualTo(401);
    assertThat(post(article("x1", "Nairobi", "2024-06-01", "2024-06-01"), "wrong").statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad = post("{\"id\": \"x\", \"text\": ", TOKEN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("not JSON");
    assertThat(post("42", TOKEN).statusCode()).isEqualTo(400);
    String huge = "{\"id\":\"big\",\"text\":\"" + "x".repeat(ApiServer.MAX_BODY) + "\"}";
    HttpResponse<String> tooBig = post(huge, TOKEN);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(tooBig.body()).get("error").asText()).contains("bytes");
    HttpResponse<String> missing = post("[{\"id\":\"m\"}]", TOKEN);
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(missing.body()).get("problems").get(0).get("reason").asText())
        .isEqualTo("missing-field");
    assertThat(store.count("articles")).isEqualTo(before);
  }

  @Test
  void reads_goOnWhileAPostIsCodingAndWriting() throws Exception {
    java.util.concurrent.CountDownLatch coding = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    RiotCoder riots = new RiotCoder();
    try (ApiServer slow =
        new ApiServer(
            store,
            TOKEN,
            () ->
                batch -> {
                  coding.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return riots.code(batch);
                })) {
      String slowBase = "http://127.0.0.1:" + slow.start("127.0.0.1", 0);
      var posting =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(slowBase + "/api/articles"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          article("late", "Mombasa", "2024-07-01", "2024-07-01")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(coding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      HttpResponse<String> during =
          http.send(
              HttpRequest.newBuilder(URI.create(slowBase + "/api/events?limit=1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(during.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(during.body()).get("total").asInt()).isEqualTo(30);
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
      release.countDown();
      assertThat(posting.get().statusCode()).isEqualTo(201);
      HttpResponse<String> after =
          http.send(
              HttpRequest.newBuilder(URI.create(slowBase + "/api/events?limit=1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(JSON.readTree(after.body()).get("total").asInt()).isEqualTo(31);
    }
  }

  @Test
  void readOnlyServer_refusesPostsAndSaysHowToAcceptThem() throws Exception {
    try (ApiServer readOnly = new ApiServer(store, null, RiotCoder::new)) {
      int port = readOnly.start("127.0.0.1", 0);
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("read-only").contains("--token");
    }
  }

  @Test
  void incrementalPull_removedAndUpdatedSince_keepAClientCopyEqualToTheServer() throws Exception {
    Map<String, JsonNode> copy = new java.util.TreeMap<>();
    String asOf = pullInto(copy, null);
    // A new article about the riot in Nairobi on 2024-06-01, published earlier than a0: its
    // report becomes the event's anchor, so a0#0 is replaced by the new id.
    HttpResponse<String> r = post(article("b0", "Nairobi", "2024-06-01", "2024-05-31"), TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode removed = json("/api/events/removed?since=" + enc(asOf)).get("removed");
    assertThat(removed).hasSize(1);
    assertThat(removed.get(0).get("id").asText()).isEqualTo("a0#0");
    assertThat(removed.get(0).get("merged_into").asText()).isEqualTo("b0#0");
    for (JsonNode gone : removed) {
      copy.remove(gone.get("id").asText());
    }
    pullInto(copy, asOf);

    Map<String, JsonNode> fresh = new java.util.TreeMap<>();
    pullInto(fresh, null);
    assertThat(copy).isEqualTo(fresh);
    JsonNode event = json("/api/events/b0%230");
    assertThat(event.get("num_reports").asInt()).isEqualTo(2);
    assertThat(event.get("reports")).hasSize(2);
    JsonNode first = event.get("reports").get(0);
    assertThat(first.get("article").get("title").asText()).isEqualTo("Riot b0");
    assertThat(first.get("article").get("url").asText()).isEqualTo("https://news.example/b0");
    assertThat(first.get("evidence").get(0).get("sentence").asText())
        .isEqualTo("Rioters clashed in Nairobi on 2024-06-01.");
  }

  /** Pulls every page (updated since {@code since}) into {@code copy}; returns the as_of. */
  private String pullInto(Map<String, JsonNode> copy, String since) throws Exception {
    String cursor = null;
    String asOf = null;
    do {
      StringBuilder path = new StringBuilder("/api/events?limit=7");
      if (since != null) {
        path.append("&updated_since=").append(enc(since));
      }
      if (cursor != null) {
        path.append("&cursor=").append(cursor);
      }
      JsonNode page = json(path.toString());
      asOf = page.get("as_of").asText();
      for (JsonNode e : page.get("events")) {
        copy.put(e.get("id").asText(), e);
      }
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
    } while (cursor != null);
    return asOf;
  }

  @Test
  void csvAndGeojson_matchTheExportOfTheSameFilter() throws Exception {
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    new Exporter(store)
        .export(
            "csv",
            new Exporter.Filter(java.time.LocalDate.parse("2024-06-03"), null, "KEN", null),
            false,
            null,
            new PrintStream(exported, true, StandardCharsets.UTF_8),
            new int[1]);
    String csv = get("/api/events.csv?country=KEN&from=2024-06-03").body();
    assertThat(csv).isEqualTo(exported.toString(StandardCharsets.UTF_8));
    assertThat(csv.lines().count()).isEqualTo(1 + 16);
    JsonNode geo = json("/api/events.geojson?country=UGA");
    assertThat(geo.get("features")).hasSize(10);
  }

  @Test
  void stats_countTheFilteredEvents() throws Exception {
    JsonNode countries = json("/api/stats/countries").get("countries");
    assertThat(countries.get(0).get("country").asText()).isEqualTo("KEN");
    assertThat(countries.get(0).get("events").asInt()).isEqualTo(20);
    JsonNode admin1 = json("/api/stats/admin1?country=KEN").get("admin1");
    assertThat(admin1).hasSize(2);
    JsonNode weeks = json("/api/stats/timeline?interval=week&country=UGA").get("buckets");
    int sum = 0;
    for (JsonNode b : weeks) {
      sum += b.get("events").asInt();
      assertThat(java.time.LocalDate.parse(b.get("start").asText()).getDayOfWeek())
          .isEqualTo(java.time.DayOfWeek.MONDAY);
    }
    assertThat(sum).isEqualTo(10);
    JsonNode grid = json("/api/stats/grid?zoom=1").get("cells");
    int located = 0;
    for (JsonNode c : grid) {
      located += c.get("events").asInt();
    }
    assertThat(located).isEqualTo(30);
  }

  @Test
  void openapi_describesExactlyTheRoutesAndParametersTheServerTakes() throws Exception {
    JsonNode doc = json("/api/openapi.json");
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = new HashSet<>();
    doc.get("paths").fieldNames().forEachRemaining(documented::add);
    Set<String> served = new HashSet<>(ApiServer.GET_PARAMS.keySet());
    served.add("/api/articles");
    assertThat(documented).isEqualTo(served);
    for (var e : ApiServer.GET_PARAMS.entrySet()) {
      Set<String> names = new LinkedHashSet<>();
      for (Iterator<JsonNode> it =
              doc.get("paths").get(e.getKey()).get("get").get("parameters").elements();
          it.hasNext(); ) {
        JsonNode p = it.next();
        if (p.get("in").asText().equals("query")) {
          names.add(p.get("name").asText());
        }
      }
      assertThat(names).as(e.getKey()).isEqualTo(new LinkedHashSet<>(e.getValue()));
    }
    // and the server refuses what the document does not list
    for (String path : ApiServer.GET_PARAMS.keySet()) {
      if (!path.contains("{")) {
        assertThat(get(path + "?undocumented=1").statusCode()).as(path).isEqualTo(400);
      }
    }
  }

  @Test
  void dashboard_isServedWithLeafletAndOutlinesFromTheJar() throws Exception {
    assertThat(get("/").body()).contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
    assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
    assertThat(get("/app.js").statusCode()).isEqualTo(200);
    JsonNode outlines = json("/geo/countries.geojson");
    assertThat(outlines.get("features").size()).isGreaterThan(150);
    try (InputStream in = ApiServer.class.getResourceAsStream("/annals/web/index.html")) {
      assertThat(in).isNotNull();
    }
  }
}
