package org.annals.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.event.CodedEvent;
import org.annals.event.CodedEvent.Acled;
import org.annals.event.CodedEvent.ActorRef;
import org.annals.event.CodedEvent.Evidence;
import org.annals.event.CodedEvent.Location;
import org.annals.event.CodedEvent.Plover;
import org.annals.ingest.InputProblem;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;

/**
 * A stand-in for the NLP pipeline, so store tests run in milliseconds: every sentence "Rioters
 * clashed in CITY on YYYY-MM-DD." is one riot report; an article containing "CORRUPT" fails.
 * Version 2 codes differently, as a new lexicon would: article aN's riot is dated a month later
 * when N is a multiple of 3, and is a battle when N leaves 1, so reports move between events.
 */
final class FakeCoder implements Ingester.Coder {
  static final Map<String, Location> CITIES =
      Map.of(
          "Nairobi",
              new Location("Nairobi", "KEN", "Nairobi Area", -1.283, 36.817, "city", 184745L),
          "Mombasa", new Location("Mombasa", "KEN", "Mombasa", -4.055, 39.664, "city", 186301L),
          "Kisumu", new Location("Kisumu", "KEN", "Kisumu", -0.102, 34.762, "city", 191245L),
          "Nakuru", new Location("Nakuru", "KEN", "Nakuru", -0.303, 36.080, "city", 184622L));
  private static final Pattern RIOT =
      Pattern.compile("Rioters clashed in (\\w+) on (\\d{4}-\\d{2}-\\d{2})\\.");

  private final long sleepMillis;
  private final int version;

  FakeCoder() {
    this(0);
  }

  FakeCoder(long sleepMillis) {
    this(sleepMillis, 1);
  }

  FakeCoder(long sleepMillis, int version) {
    this.sleepMillis = sleepMillis;
    this.version = version;
  }

  /** The second version's coder. */
  static FakeCoder v2() {
    return new FakeCoder(0, 2);
  }

  @Override
  public String version() {
    return "fake-" + version;
  }

  @Override
  public List<ArticleResult> code(List<RawArticle> articles) {
    if (sleepMillis > 0) {
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ArticleResult> out = new ArrayList<>();
    for (RawArticle a : articles) {
      if (a.text().contains("CORRUPT")) {
        out.add(
            new ArticleResult(
                a,
                List.of(),
                List.of(),
                new InputProblem(a.origin(), "failed", "the coder failed on this article"),
                0,
                0));
        continue;
      }
      List<CodedEvent> events = new ArrayList<>();
      Matcher m = RIOT.matcher(a.text());
      while (m.find()) {
        events.add(riot(a, m, version));
      }
      out.add(new ArticleResult(a, events, List.of(), null, 1, 1));
    }
    return out;
  }

  private static CodedEvent riot(RawArticle a, Matcher m, int version) {
    String sentence = m.group();
    int n = a.id().matches("a\\d+") ? Integer.parseInt(a.id().substring(1)) : -1;
    String date = m.group(2);
    boolean battle = false;
    if (version == 2 && n % 3 == 0) {
      date = java.time.LocalDate.parse(date).plusMonths(1).toString();
    } else if (version == 2 && n % 3 == 1) {
      battle = true;
    }
    var evidence =
        new Evidence(
            a.id(),
            sentence,
            m.start(),
            m.end(),
            "clashed",
            m.start() + 8,
            m.start() + 15,
            "fake: riot sentence");
    return new CodedEvent(
        a.id() + "#" + m.start(),
        a.id(),
        date,
        null,
        "day",
        "text",
        m.group(2),
        false,
        battle
            ? new Plover("FIGHT", "firearms", List.of())
            : new Plover("PROTEST", "riot", List.of()),
        battle ? "190" : "145",
        battle ? new Acled("Battles", "Armed clash") : new Acled("Riots", "Violent demonstration"),
        new ActorRef("Rioters", null, "KEN", "CVL", "source", m.start(), m.start() + 7),
        null,
        CITIES.get(m.group(1)),
        null,
        0.6,
        List.of(evidence),
        "fake-" + version);
  }

  /** A synthetic article: one riot sentence and filler words unique to {@code n}. */
  static RawArticle article(int n, String city, String day) {
    StringBuilder text = new StringBuilder("Rioters clashed in " + city + " on " + day + ".");
    text.append(" Witnesses described the scene");
    for (int w = 0; w < 30; w++) {
      text.append(' ').append(Integer.toString(n * 31 + w, 36)).append("word");
    }
    text.append('.');
    return new RawArticle(
        "a" + n,
        "Riot " + n,
        text.toString(),
        java.time.LocalDate.parse(day),
        "https://news.example/" + n,
        "Outlet " + (n % 3),
        "test:" + n);
  }

  /** {@code n} articles about riots in four cities over five days. */
  static List<RawArticle> corpus(int n) {
    List<String> cities = List.of("Nairobi", "Mombasa", "Kisumu", "Nakuru");
    List<RawArticle> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(article(i, cities.get(i % 4), "2024-06-0" + (1 + i % 5)));
    }
    return out;
  }
}
