package org.annals.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.annals.ingest.ArticleReader;
import org.annals.ingest.InputProblem;
import org.annals.store.EventQuery;
import org.annals.store.EventReader;
import org.annals.store.EventStore;
import org.annals.store.IngestSummary;
import org.annals.store.Ingester;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP API and the dashboard over one store. Reads run on a pool of reader connections while at
 * most one ingest writes: {@code POST /api/articles} takes a lock, so writes are serialised in this
 * process, and DuckDB gives every read the last committed batch. Errors are JSON {@code {"error",
 * "detail"}} with a 4xx status; nothing else (no stack trace) reaches the client.
 */
public final class ApiServer implements AutoCloseable {
  /** The largest body {@code POST /api/articles} takes. */
  public static final int MAX_BODY = 10 * 1024 * 1024;

  /** The parameters each GET endpoint takes: what the OpenAPI document must describe. */
  static final Map<String, List<String>> GET_PARAMS = getParams();

  static final ObjectMapper JSON = new ObjectMapper();

  private final EventStore store;
  private final EventReader reader;
  private final ServeIndex index;
  private final @Nullable String token;
  private final Supplier<Ingester.Coder> coder;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Javalin app;
  private volatile Ingester.@Nullable Coder loadedCoder;
  private volatile @Nullable String tiles;

  /**
   * @param token the bearer token that {@code POST /api/articles} needs; null: read-only
   * @param coder makes the coder for posted articles (called on the first post)
   */
  public ApiServer(EventStore store, @Nullable String token, Supplier<Ingester.Coder> coder) {
    this.store = store;
    this.reader = store.reader(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    this.index = new ServeIndex(reader);
    this.token = token == null || token.isBlank() ? null : token;
    this.coder = coder;
    this.app = build();
  }

  private static Map<String, List<String>> getParams() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("/api/events", Params.filtersAnd("limit", "cursor", "sort"));
    m.put("/api/events/removed", List.of("since"));
    m.put("/api/events/{id}", List.of());
    m.put("/api/events.geojson", Params.FILTERS);
    m.put("/api/events.csv", Params.FILTERS);
    m.put("/api/stats/timeline", Params.filtersAnd("interval"));
    m.put("/api/stats/countries", Params.FILTERS);
    m.put("/api/stats/admin1", Params.FILTERS);
    m.put("/api/stats/grid", Params.filtersAnd("zoom"));
    m.put("/api/status", List.of());
    m.put("/api/openapi.json", List.of());
    return java.util.Collections.unmodifiableMap(m);
  }

  private Javalin build() {
    Javalin j =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = MAX_BODY + 1L;
              config.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/annals/web";
                    sf.location = Location.CLASSPATH;
                    sf.headers = Map.of("Cache-Control", "no-cache");
                  });
              config.staticFiles.enableWebjars();
            });
    j.before(
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data: *; style-src 'self' 'unsafe-inline';"
                  + " script-src 'self'; connect-src 'self'");
        });
    j.get("/api/events/removed", this::removed);
    j.get("/api/events", this::events);
    j.get("/api/events.geojson", this::geojson);
    j.get("/api/events.csv", this::csv);
    j.get("/api/events/{id}", this::event);
    j.get("/api/stats/timeline", this::timeline);
    j.get("/api/stats/countries", ctx -> counts(ctx, "country", false));
    j.get("/api/stats/admin1", ctx -> counts(ctx, "admin1", true));
    j.get("/api/stats/grid", this::grid);
    j.get("/api/status", this::status);
    j.get("/api/openapi.json", this::openapi);
    j.post("/api/articles", this::articles);
    for (HandlerType other : List.of(HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH)) {
      j.addHttpHandler(
          other,
          "/api/*",
          ctx -> {
            throw new ApiError(405, "method " + ctx.method() + " is not allowed here", null);
          });
    }
    j.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage(), e.detail));
    j.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), null));
    j.exception(
        Exception.class,
        (e, ctx) -> {
          System.err.println("annals serve: " + ctx.method() + " " + ctx.path() + ": " + e);
          error(ctx, 500, "the server failed on this request; its log says why", null);
        });
    j.error(
        404,
        ctx -> {
          if (!"application/json".equals(ctx.res().getContentType())) {
            error(ctx, 404, "no such path: " + ctx.path(), Map.of("api", "/api/openapi.json"));
          }
        });
    j.error(
        413,
        ctx ->
            error(
                ctx,
                413,
                "the body is over " + MAX_BODY + " bytes; send fewer articles a request",
                Map.of("max_bytes", MAX_BODY)));
    return j;
  }

  /** An online tile layer URL template the dashboard adds under its outlines (null: none). */
  public void tiles(@Nullable String urlTemplate) {
    this.tiles = urlTemplate;
  }

  /** Starts on {@code host}:{@code port} (0: a free port); returns the port. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    index.close();
    reader.close();
  }

  private static void error(Context ctx, int status, String message, @Nullable Object detail) {
    ObjectNode n = JSON.createObjectNode();
    n.put("error", message);
    n.set("detail", JSON.valueToTree(detail));
    ctx.status(status).contentType("application/json").result(n.toString());
  }

  private static Params params(Context ctx, String path) {
    return new Params(ctx.queryParamMap(), GET_PARAMS.get(path));
  }

  private void events(Context ctx) throws IOException {
    Params p = params(ctx, "/api/events");
    EventQuery q = p.filter();
    String sort = p.oneOf("sort", EventReader.SORTS, "date");
    int limit = p.limit();
    String cursor = p.get("cursor");
    LocalDateTime asOf = index.asOf();
    ServeIndex.Page page;
    try {
      if (ServeIndex.answers(q)) {
        page = index.events(q, sort, limit, cursor);
      } else {
        EventReader.Page p2 = reader.events(q, sort, limit, cursor);
        page =
            new ServeIndex.Page(
                p2.events().stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList(),
                p2.next(),
                p2.total());
      }
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("cursor: " + e.getMessage(), Map.of("parameter", "cursor"));
    }
    int size = 128;
    for (byte[] e : page.events()) {
      size += e.length + 1;
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream(size);
    buf.writeBytes("{\"events\":[".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < page.events().size(); i++) {
      if (i > 0) {
        buf.write(',');
      }
      buf.writeBytes(page.events().get(i));
    }
    ObjectNode tail = JSON.createObjectNode();
    tail.put("next", page.next());
    tail.put("total", page.total());
    tail.put("as_of", asOf == null ? null : asOf + "Z");
    buf.writeBytes("],".getBytes(StandardCharsets.UTF_8));
    String rest = tail.toString();
    buf.writeBytes(rest.substring(1).getBytes(StandardCharsets.UTF_8));
    ctx.contentType("application/json").result(buf.toByteArray());
  }

  private void event(Context ctx) throws IOException {
    params(ctx, "/api/events/{id}");
    String id = ctx.pathParam("id");
    String json = reader.event(id);
    if (json == null) {
      throw new ApiError(
          404,
          "no event " + id + "; it may have merged into another (see /api/events/removed)",
          Map.of("id", id));
    }
    ObjectNode event = (ObjectNode) JSON.readTree(json);
    ArrayNode reports = event.putArray("reports");
    for (EventReader.ReportView r : reader.reports(id)) {
      ObjectNode report = (ObjectNode) JSON.readTree(r.reportJson());
      ObjectNode article = report.putObject("article");
      article.put("id", r.articleId());
      article.put("title", r.title());
      article.put("url", r.url());
      article.put("outlet", r.outlet());
      article.put("published", r.published() == null ? null : r.published().toString());
      reports.add(report);
    }
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(event));
  }

  private void removed(Context ctx) throws IOException {
    Params p = params(ctx, "/api/events/removed");
    LocalDateTime since = p.time("since");
    if (since == null) {
      throw ApiError.badRequest(
          "since is required: the as_of of your last pull, e.g. since=2024-06-25T00:00:00Z",
          Map.of("parameter", "since"));
    }
    LocalDateTime asOf = index.asOf();
    ObjectNode out = JSON.createObjectNode();
    ArrayNode removed = out.putArray("removed");
    for (EventReader.Removal r : reader.removed(since)) {
      ObjectNode n = removed.addObject();
      n.put("id", r.id());
      n.put("merged_into", r.mergedInto());
      n.put("removed_at", r.removedAt() + "Z");
    }
    out.put("as_of", asOf == null ? null : asOf + "Z");
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(out));
  }

  private void timeline(Context ctx) throws IOException {
    Params p = params(ctx, "/api/stats/timeline");
    String interval = p.oneOf("interval", EventReader.INTERVALS, "day");
    EventQuery q = p.filter();
    List<EventReader.Count> counts =
        ServeIndex.answers(q) ? index.timeline(q, interval) : reader.timeline(q, interval);
    ObjectNode out = JSON.createObjectNode();
    out.put("interval", interval);
    ArrayNode b = out.putArray("buckets");
    for (EventReader.Count c : counts) {
      b.addObject()
          .put("start", c.key())
          .put("events", c.events())
          .put("fatalities", c.fatalities());
    }
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(out));
  }

  private void counts(Context ctx, String key, boolean admin1) throws IOException {
    Params p = params(ctx, admin1 ? "/api/stats/admin1" : "/api/stats/countries");
    EventQuery q = p.filter();
    if (admin1 && q.countries().size() != 1) {
      throw ApiError.badRequest(
          "admin1 counts need one country, e.g. country=KEN", Map.of("parameter", "country"));
    }
    List<EventReader.Count> counts;
    if (ServeIndex.answers(q)) {
      counts = admin1 ? index.admin1(q) : index.countries(q);
    } else {
      counts = admin1 ? reader.admin1(q) : reader.countries(q);
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode a = out.putArray(admin1 ? "admin1" : "countries");
    for (EventReader.Count c : counts) {
      a.addObject().put(key, c.key()).put("events", c.events()).put("fatalities", c.fatalities());
    }
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(out));
  }

  private void grid(Context ctx) throws IOException {
    Params p = params(ctx, "/api/stats/grid");
    Integer zoom = p.integer("zoom", 0, 20);
    int z = zoom == null ? 2 : zoom;
    double cell = 360.0 / Math.pow(2, z + 3);
    EventQuery q = p.filter();
    List<EventReader.Cell> cells =
        ServeIndex.answers(q) ? index.grid(q, cell) : reader.grid(q, cell);
    ObjectNode out = JSON.createObjectNode();
    out.put("zoom", z);
    out.put("cell_degrees", cell);
    ArrayNode a = out.putArray("cells");
    for (EventReader.Cell c : cells) {
      a.addObject()
          .put("lat", c.lat())
          .put("lon", c.lon())
          .put("events", c.events())
          .put("plover_type", c.type());
    }
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(out));
  }

  private void geojson(Context ctx) throws IOException {
    EventQuery q = params(ctx, "/api/events.geojson").filter();
    ctx.contentType("application/geo+json");
    try (OutputStream out = ctx.outputStream()) {
      reader.geojson(q, out);
    }
  }

  private void csv(Context ctx) throws IOException {
    EventQuery q = params(ctx, "/api/events.csv").filter();
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"annals-events.csv\"");
    try (OutputStream out = ctx.outputStream()) {
      reader.csv(q, out);
    }
  }

  private void status(Context ctx) throws IOException {
    params(ctx, "/api/status");
    LocalDateTime asOf = index.asOf();
    ObjectNode out = JSON.createObjectNode();
    out.put("events", index.size());
    out.put("as_of", asOf == null ? null : asOf + "Z");
    out.put("writable", token != null);
    out.put("max_body_bytes", MAX_BODY);
    out.put("tiles", tiles);
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(out));
  }

  private void openapi(Context ctx) throws IOException {
    params(ctx, "/api/openapi.json");
    try (InputStream in = ApiServer.class.getResourceAsStream("/annals/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  private void articles(Context ctx) throws IOException {
    if (token == null) {
      throw new ApiError(
          403,
          "this server is read-only; start it with --token or ANNALS_TOKEN to accept articles",
          null);
    }
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(
          401, "send the server's token as the header Authorization: Bearer TOKEN", null);
    }
    if (!MessageDigest.isEqual(
        auth.substring(7).strip().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(403, "the token is wrong", null);
    }
    if (ctx.contentLength() > MAX_BODY) {
      throw new ApiError(
          413,
          "the body is over " + MAX_BODY + " bytes; send fewer articles a request",
          Map.of("max_bytes", MAX_BODY));
    }
    byte[] body = readLimited(ctx.req().getInputStream());
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw ApiError.badRequest(
          "the body is not JSON: " + firstLine(e.getMessage()),
          Map.of("expected", "an article object or an array of them: {\"id\", \"text\", ...}"));
    }
    if (root == null || !(root.isObject() || root.isArray())) {
      throw ApiError.badRequest(
          "send one article as a JSON object or several as a JSON array",
          Map.of("fields", List.of("id", "text", "title", "published", "url", "source")));
    }
    StringBuilder lines = new StringBuilder();
    for (JsonNode a : root.isArray() ? root : List.of(root)) {
      lines.append(a.isObject() ? JSON.writeValueAsString(a) : "\"not an object\"").append('\n');
    }
    List<InputProblem> problems = new ArrayList<>();
    IngestSummary summary;
    writeLock.lock();
    try {
      Ingester ingester = new Ingester(store, coder(), problems::add, s -> {}, 100);
      new ArticleReader(ingester::add, ingester::problem)
          .readJsonLines(
              "request",
              new java.io.ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
      summary = ingester.finish();
    } finally {
      try {
        index.refresh(); // what earlier batches of a failed post stored is served too
      } finally {
        writeLock.unlock();
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("read", summary.read());
    out.put("stored", summary.stored());
    out.put("near_duplicates", summary.nearDuplicates());
    out.put("skipped", summary.skippedTotal());
    out.put("reports", summary.reports());
    out.put("new_events", summary.newEvents());
    out.put("events", summary.events());
    ArrayNode ps = out.putArray("problems");
    for (InputProblem p : problems) {
      ps.addObject()
          .put("origin", p.origin())
          .put("reason", p.reason())
          .put("message", p.message());
    }
    ctx.status(summary.stored() > 0 ? 201 : 200)
        .contentType("application/json")
        .result(JSON.writeValueAsBytes(out));
  }

  private Ingester.Coder coder() {
    Ingester.Coder c = loadedCoder;
    if (c == null) {
      c = coder.get();
      loadedCoder = c;
    }
    return c;
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65_536];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > MAX_BODY) {
        throw new ApiError(
            413,
            "the body is over " + MAX_BODY + " bytes; send fewer articles a request",
            Map.of("max_bytes", MAX_BODY));
      }
    }
    return out.toByteArray();
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}
