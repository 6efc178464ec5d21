package org.annals.store;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.annals.dedup.MergedEvent;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Acled;
import org.annals.event.CodedEvent.ActorRef;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.event.CodedEvent.Plover;
import org.annals.output.EventWriter;

/**
 * Fills a store with synthetic events for load tests of the HTTP API: one article, one report and
 * one event each, written straight to the tables (no coding), with countries, regions, dates, types
 * and sources spread as in a real archive (a few countries hold most events). The sentences are
 * made up from templates. Deterministic for a seed.
 */
public final class SyntheticStore {
  private static final String[][] COUNTRIES = {
    {"UKR", "49.0", "32.0", "8"}, {"SYR", "35.0", "38.5", "6"}, {"IRQ", "33.2", "43.7", "5"},
    {"NGA", "9.1", "8.7", "5"}, {"IND", "22.0", "79.0", "5"}, {"MMR", "21.0", "96.0", "4"},
    {"AFG", "33.9", "67.7", "4"}, {"YEM", "15.6", "48.5", "4"}, {"SDN", "15.5", "30.2", "3"},
    {"COD", "-2.9", "23.6", "3"}, {"SOM", "5.2", "46.2", "3"}, {"PAK", "30.4", "69.3", "3"},
    {"MEX", "23.6", "-102.5", "3"}, {"BRA", "-10.8", "-52.9", "2"}, {"USA", "39.8", "-98.6", "3"},
    {"FRA", "46.6", "2.4", "1"}, {"GBR", "54.0", "-2.0", "1"}, {"KEN", "0.2", "37.9", "2"},
    {"ETH", "9.1", "40.5", "2"}, {"MLI", "17.6", "-4.0", "2"}, {"BFA", "12.2", "-1.6", "2"},
    {"COL", "4.6", "-74.1", "2"}, {"PHL", "12.9", "121.8", "2"}, {"ISR", "31.0", "34.9", "2"},
    {"PSE", "31.9", "35.2", "2"}, {"LBN", "33.9", "35.9", "1"}, {"LBY", "26.3", "17.2", "1"},
    {"IRN", "32.4", "53.7", "1"}, {"TUR", "39.0", "35.2", "1"}, {"RUS", "61.5", "105.3", "2"},
    {"CHN", "35.9", "104.2", "1"}, {"BGD", "23.7", "90.4", "1"}, {"VEN", "6.4", "-66.6", "1"},
    {"HTI", "19.0", "-72.3", "1"}, {"ZAF", "-30.6", "22.9", "1"}, {"CMR", "7.4", "12.4", "1"},
    {"NER", "17.6", "8.1", "1"}, {"TCD", "15.5", "18.7", "1"}, {"MOZ", "-18.7", "35.5", "1"},
    {"EGY", "26.8", "30.8", "1"}
  };
  private static final String[][] TYPES = {
    {"PROTEST", "demonstrate", "145", "Protests", "Peaceful protest", "protested against"},
    {"PROTEST", "riot", "145", "Riots", "Violent demonstration", "rioted outside"},
    {"ASSAULT", "firearms", "180", "Violence against civilians", "Attack", "attacked"},
    {"ASSAULT", "aerial", "195", "Explosions/Remote violence", "Air/drone strike", "bombed"},
    {"FIGHT", "firearms", "190", "Battles", "Armed clash", "clashed with"},
    {
      "FIGHT",
      "artillery",
      "194",
      "Explosions/Remote violence",
      "Shelling/artillery/missile attack",
      "shelled"
    },
    {"COERCE", "arrest", "173", "Strategic developments", "Arrests", "arrested"},
    {"CONSULT", null, "040", null, null, "met"},
    {"AGREE", null, "057", "Strategic developments", "Agreement", "signed a deal with"},
    {"DEMAND", null, "100", null, null, "demanded concessions from"},
    {"DISAPPROVE", null, "111", null, null, "criticised"},
    {"THREATEN", null, "130", null, null, "threatened"},
    {"AID", null, "070", null, null, "sent aid to"},
    {"SANCTION", null, "163", null, null, "imposed sanctions on"}
  };
  private static final String[][] ACTORS = {
    {"police", "COP"},
    {"soldiers", "MIL"},
    {"rebels", "REB"},
    {"protesters", "CVL"},
    {"the government", "GOV"},
    {"opposition leaders", "OPP"},
    {"militants", "REB"},
    {"students", "EDU"},
    {"farmers", "AGR"},
    {"the ministry", "GOV"},
    {"villagers", "CVL"}
  };

  private SyntheticStore() {}

  /** Writes {@code n} synthetic events into an empty store, in batches of 50,000. */
  public static void generate(
      EventStore store, int n, long seed, java.util.function.IntConsumer progress) {
    if (store.count("events") > 0) {
      throw new StoreException(
          "the store " + store.file() + " already holds events; generate into a new --db file");
    }
    int[] weights = new int[COUNTRIES.length];
    int total = 0;
    for (int i = 0; i < COUNTRIES.length; i++) {
      total += Integer.parseInt(COUNTRIES[i][3]);
      weights[i] = total;
    }
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate start = LocalDate.of(2015, 1, 1);
    int days = (int) (LocalDate.of(2025, 1, 1).toEpochDay() - start.toEpochDay());
    int batch = 50_000;
    for (int from = 0; from < n; from += batch) {
      List<MergedEvent> events = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + batch); i++) {
        int pick = random.nextInt(total);
        int c = 0;
        while (weights[c] <= pick) {
          c++;
        }
        String[] country = COUNTRIES[c];
        String[] type = TYPES[random.nextInt(TYPES.length)];
        String[] source = ACTORS[random.nextInt(ACTORS.length)];
        String[] target = ACTORS[random.nextInt(ACTORS.length)];
        int region = random.nextInt(12);
        double lat = Double.parseDouble(country[1]) + random.nextDouble(-4, 4);
        double lon = Double.parseDouble(country[2]) + random.nextDouble(-5, 5);
        LocalDate day = start.plusDays(random.nextInt(days));
        int shape = random.nextInt(100); // 5% dated to a month, 2% undated, 3% no coordinates
        LocalDate dayEnd = null;
        String precision = "day";
        if (shape < 5) {
          day = day.withDayOfMonth(1);
          dayEnd = day.plusMonths(1).minusDays(1);
          precision = "month";
        }
        boolean undated = shape >= 5 && shape < 7;
        boolean unlocated = shape >= 7 && shape < 10;
        String place =
            "Town " + Integer.toString(random.nextInt(5000), 36).toUpperCase(java.util.Locale.ROOT);
        String sentence =
            capital(source[0])
                + " "
                + type[5]
                + " "
                + target[0]
                + " in "
                + place
                + " on "
                + day
                + " (synthetic event "
                + i
                + ").";
        String article = "syn-" + i;
        int fatalities =
            type[0].equals("FIGHT") || type[0].equals("ASSAULT") ? random.nextInt(12) : 0;
        CodedEvent e =
            new CodedEvent(
                article + "#0",
                article,
                undated ? null : day.toString(),
                dayEnd == null ? null : dayEnd.toString(),
                undated ? "unknown" : precision,
                undated ? "none" : "text",
                null,
                false,
                new Plover(type[0], type[1], List.of()),
                type[2],
                new Acled(type[3], type[4]),
                new ActorRef(
                    source[0], null, country[0], source[1], "source", 0, source[0].length()),
                new ActorRef(target[0], null, country[0], target[1], "target", null, null),
                new Location(
                    place,
                    country[0],
                    country[0] + " region " + (region + 1),
                    unlocated ? null : Math.round(lat * 1e4) / 1e4,
                    unlocated ? null : Math.round(lon * 1e4) / 1e4,
                    unlocated ? "admin1" : "city",
                    null),
                fatalities > 0 ? fatalities : null,
                0.5 + random.nextDouble(0.5),
                List.of(
                    new Evidence(
                        article, sentence, 0, sentence.length(), type[5], 0, 0, "synthetic")),
                "synthetic");
        int sources = 1 + (random.nextInt(10) == 0 ? random.nextInt(6) : 0);
        events.add(
            new MergedEvent(e, 1, 1, sources, day.toString(), day.toString(), List.of(e.id())));
      }
      write(store, events);
      progress.accept(Math.min(n, from + batch));
    }
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void write(EventStore store, List<MergedEvent> events) {
    var conn = store.connection();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    try {
      conn.setAutoCommit(false);
      store.count("events");
      try (Rows articles = new Rows(conn, "articles");
          Rows reports = new Rows(conn, "reports");
          Rows rows = new Rows(conn, "events");
          Rows links = new Rows(conn, "event_reports");
          Rows keys = new Rows(conn, "report_keys")) {
        for (MergedEvent m : events) {
          CodedEvent e = m.event();
          String cluster = e.id(); // each report an event of its own, as written
          String text = e.evidence().get(0).sentence();
          articles.add(
              e.articleId(),
              "https://synthetic.example/" + e.articleId(),
              "Synthetic Wire",
              "synthetic.example",
              "Synthetic " + e.articleId(),
              LocalDate.parse(m.firstSeen()),
              org.annals.Hashes.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              text.length(),
              e.articleId(),
              null,
              null,
              null,
              "synthetic",
              1,
              now,
              ArticleText.compress(text),
              "synthetic");
          List<Object> r = Columns.values(e);
          r.add(cluster);
          r.add(EventWriter.toJson(e));
          r.add(org.annals.dedup.Report.kind(e));
          reports.add(r);
          for (String key : org.annals.dedup.EventMerger.undatedKeys(e)) {
            keys.add(key, e.id());
          }
          List<Object> v = Columns.values(e);
          v.add(m.numReports());
          v.add(m.numArticles());
          v.add(m.numSources());
          v.add(LocalDate.parse(m.firstSeen()));
          v.add(LocalDate.parse(m.lastSeen()));
          v.add(cluster);
          v.add(EventStore.json(m));
          v.add(now);
          v.add(EventStore.evidenceText(e));
          rows.add(v);
          links.add(m.id(), e.id());
        }
      }
      conn.commit();
    } catch (SQLException e) {
      throw new StoreException("could not write synthetic events to " + store.file(), e);
    } finally {
      try {
        conn.setAutoCommit(true);
      } catch (SQLException ignored) {
        // reported by the next call
      }
    }
  }
}
