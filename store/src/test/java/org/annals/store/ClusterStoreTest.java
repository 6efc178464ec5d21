package org.annals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.annals.dedup.EventMerger;
import org.annals.dedup.MergedEvent;
import org.annals.dedup.Report;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Acled;
import org.annals.event.CodedEvent.ActorRef;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.event.CodedEvent.Plover;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store recomputes only the clusters a batch joins; whatever the batches and their order, its
 * events must be those of merging every stored report at once. Random reports here cross a border,
 * a month's end, precisions (town, region, country; day, range, month, undated) and near-duplicate
 * copies, so clusters form, chain and grow across batches.
 */
final class ClusterStoreTest {
  @TempDir Path dir;

  private static final List<Location> PLACES =
      List.of(
          new Location("Lakeside", "AAA", "North", 10.00, 20.00, "city", 1L),
          new Location(
              "Bridgetown", "BBB", "East", 10.12, 20.08, "city", 2L), // 16 km, over the border
          new Location("Hilltop", "AAA", "North", 10.25, 20.05, "city", 3L), // 28 km from Lakeside
          new Location("Farport", "AAA", "South", 12.50, 22.00, "city", 4L),
          new Location("North", "AAA", "North", 10.20, 20.10, "region", 5L),
          new Location("Aland", "AAA", null, 11.00, 21.00, "country", 6L),
          new Location("Bland", "BBB", null, 10.50, 20.50, "country", 7L));

  private static final LocalDate FIRST = LocalDate.of(2024, 6, 28);

  @Test
  void write_randomBatchesInAnyOrder_eventsEqualMergingEveryReportAtOnce() {
    boolean crossedBorder = false;
    boolean crossedMonth = false;
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      Corpus corpus = Corpus.random(random, 120);
      List<String> first = null;
      for (int run = 0; run < 3; run++) {
        List<RawArticle> order = new ArrayList<>(corpus.articles);
        Collections.shuffle(order, random);
        Path db = dir.resolve("s" + seed + "-" + run + ".duckdb");
        try (EventStore store = EventStore.open(db)) {
          int batch = 1 + random.nextInt(20);
          Ingester in = new Ingester(store, corpus, p -> {}, s -> {}, batch);
          order.forEach(in::add);
          in.finish();
        }
        List<String> stored = IngesterTest.events(db);
        List<Report> reports = reports(db);
        List<MergedEvent> expected = new EventMerger().merge(reports);

        assertThat(stored)
            .as("seed %d, run %d", seed, run)
            .isEqualTo(expected.stream().map(EventStore::json).toList());
        assertThat(groups(clusters(db))).isEqualTo(groups(expectedClusters(reports)));
        if (first == null) {
          first = stored;
          // the corpus really merges, and its clusters cross a border and a month's end
          assertThat(expected.size()).isLessThan(reports.size());
          assertThat(reports).anyMatch(r -> !r.family().equals(r.event().articleId()));
          List<List<Report>> clusters = new EventMerger().clusters(reports);
          crossedBorder |= clusters.stream().anyMatch(c -> countries(c) > 1);
          crossedMonth |= clusters.stream().anyMatch(c -> months(c) > 1);
        } else {
          assertThat(stored).isEqualTo(first);
        }
      }
    }
    assertThat(crossedBorder).as("some cluster crosses a border").isTrue();
    assertThat(crossedMonth).as("some cluster crosses a month's end").isTrue();
  }

  /** Every stored report as the merger sees it. */
  private static List<Report> reports(Path db) {
    List<Report> out = new ArrayList<>();
    try (EventStore store = EventStore.open(db)) {
      store.query(
          "SELECT r.json, a.family, a.outlet, a.published FROM reports r"
              + " JOIN articles a ON a.id = r.article_id",
          rs ->
              out.add(
                  new Report(
                      EventStore.parse(rs.getString(1)),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getObject(4, LocalDate.class))));
    }
    return out;
  }

  /** Report id → stored cluster. */
  private static Map<String, String> clusters(Path db) {
    Map<String, String> out = new HashMap<>();
    try (EventStore store = EventStore.open(db)) {
      store.query(
          "SELECT id, cluster FROM reports", rs -> out.put(rs.getString(1), rs.getString(2)));
    }
    return out;
  }

  /** The sets of report ids that share a label. */
  private static Set<Set<String>> groups(Map<String, String> labelOf) {
    Map<String, Set<String>> byLabel = new HashMap<>();
    labelOf.forEach((id, label) -> byLabel.computeIfAbsent(label, k -> new HashSet<>()).add(id));
    return new HashSet<>(byLabel.values());
  }

  /** Report id → the smallest id of its cluster. */
  private static Map<String, String> expectedClusters(List<Report> reports) {
    Map<String, String> out = new HashMap<>();
    for (List<Report> c : new EventMerger().clusters(reports)) {
      c.forEach(r -> out.put(r.id(), c.get(0).id()));
    }
    return out;
  }

  private static long countries(List<Report> cluster) {
    return cluster.stream()
        .map(r -> String.valueOf(r.event().location().country()))
        .distinct()
        .count();
  }

  private static long months(List<Report> cluster) {
    return cluster.stream()
        .filter(r -> r.event().date() != null)
        .map(r -> r.event().date().substring(0, 7))
        .distinct()
        .count();
  }

  /**
   * Random articles and the reports a coder would give them: text of random words (so no two are
   * near-duplicates), but one in eight a copy of an earlier article with a line added, whose
   * reports share the original's sentences.
   */
  private static final class Corpus implements Ingester.Coder {
    final List<RawArticle> articles = new ArrayList<>();
    final Map<String, List<CodedEvent>> reports = new HashMap<>();

    static Corpus random(Random random, int n) {
      Corpus c = new Corpus();
      for (int i = 0; i < n; i++) {
        String id = String.format(java.util.Locale.ROOT, "a%03d", i);
        LocalDate published = FIRST.plusDays(random.nextInt(6));
        if (i > 4 && random.nextInt(8) == 0) {
          RawArticle original = c.articles.get(random.nextInt(c.articles.size()));
          c.articles.add(
              new RawArticle(
                  id,
                  original.title(),
                  original.text() + " Updated as " + id + ".",
                  published,
                  "https://copy.example/" + id,
                  "Copy desk",
                  "test:" + id));
          List<CodedEvent> copies = new ArrayList<>();
          int k = 0;
          for (CodedEvent e : c.reports.get(original.id())) {
            copies.add(withId(e, id + "#" + k++, id));
          }
          c.reports.put(id, copies);
          continue;
        }
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 40; w++) {
          text.append(Integer.toString(random.nextInt(1 << 30), 36)).append(' ');
        }
        c.articles.add(
            new RawArticle(
                id,
                "Report " + id,
                text.toString().trim() + ".",
                published,
                "https://news.example/" + id,
                "Outlet " + random.nextInt(4),
                "test:" + id));
        List<CodedEvent> events = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int k = 0; k < count; k++) {
          events.add(event(random, id, k, published));
        }
        c.reports.put(id, events);
      }
      return c;
    }

    private static CodedEvent event(Random random, String article, int k, LocalDate published) {
      boolean battle = random.nextInt(4) == 0;
      String date;
      String end = null;
      String precision = "day";
      String basis = "text";
      int roll = random.nextInt(10);
      LocalDate day = FIRST.plusDays(random.nextInt(5));
      if (roll < 5) {
        date = day.toString();
      } else if (roll < 7) {
        date = published.toString();
        basis = "publication";
      } else if (roll == 7) {
        date = day.toString();
        end = day.plusDays(1 + random.nextInt(2)).toString();
        precision = "range";
      } else if (roll == 8) {
        date = day.withDayOfMonth(1).toString();
        end = day.withDayOfMonth(day.lengthOfMonth()).toString();
        precision = "month";
      } else {
        date = null;
        precision = "none";
        basis = "none";
      }
      Location place = PLACES.get(random.nextInt(PLACES.size()));
      String sentence =
          (battle ? "Gunmen fought soldiers" : "Rioters burned shops")
              + " near "
              + place.name()
              + " (report "
              + article
              + "/"
              + k
              + ", "
              + (random.nextBoolean() ? "Mayor Okafor" : "Chief Adeyemi")
              + " said).";
      ActorRef source =
          random.nextInt(3) == 0
              ? null
              : battle
                  ? new ActorRef("gunmen", null, null, "REB", "source", 0, 7)
                  : new ActorRef("rioters", null, null, "CVL", "source", 0, 7);
      return new CodedEvent(
          article + "#" + k,
          article,
          date,
          end,
          precision,
          basis,
          null,
          false,
          battle
              ? new Plover("FIGHT", "firearms", List.of())
              : new Plover("PROTEST", "riot", List.of()),
          battle ? "190" : "145",
          battle
              ? new Acled("Battles", "Armed clash")
              : new Acled("Riots", "Violent demonstration"),
          source,
          null,
          place,
          random.nextInt(3) == 0 ? random.nextInt(4) : null,
          0.5 + random.nextInt(5) / 10.0,
          List.of(new Evidence(article, sentence, 0, sentence.length(), "burned", 8, 14, "test")),
          "random-1");
    }

    private static CodedEvent withId(CodedEvent e, String id, String article) {
      List<Evidence> evidence = new ArrayList<>();
      for (Evidence v : e.evidence()) {
        evidence.add(
            new Evidence(
                article,
                v.sentence(),
                v.start(),
                v.end(),
                v.trigger(),
                v.triggerStart(),
                v.triggerEnd(),
                v.rule()));
      }
      return new CodedEvent(
          id,
          article,
          e.date(),
          e.dateEnd(),
          e.datePrecision(),
          e.dateBasis(),
          e.dateText(),
          e.background(),
          e.plover(),
          e.cameo(),
          e.acled(),
          e.source(),
          e.target(),
          e.location(),
          e.fatalities(),
          e.confidence(),
          evidence,
          e.coder());
    }

    @Override
    public String version() {
      return "random-1";
    }

    @Override
    public List<ArticleResult> code(List<RawArticle> batch) {
      List<ArticleResult> out = new ArrayList<>();
      for (RawArticle a : batch) {
        out.add(new ArticleResult(a, reports.get(a.id()), List.of(), null, 1, 1));
      }
      return out;
    }
  }
}
