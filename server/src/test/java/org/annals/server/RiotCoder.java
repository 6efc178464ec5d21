package org.annals.server;

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
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.annals.store.Ingester;

/**
 * A stand-in for the NLP pipeline, so server tests run in milliseconds: every sentence "Rioters
 * clashed in CITY on YYYY-MM-DD." is one riot report there and then.
 */
final class RiotCoder implements Ingester.Coder {
  static final Map<String, Location> CITIES =
      Map.of(
          "Nairobi",
          new Location("Nairobi", "KEN", "Nairobi Area", -1.283, 36.817, "city", 184745L),
          "Mombasa",
          new Location("Mombasa", "KEN", "Mombasa", -4.055, 39.664, "city", 186301L),
          "Kampala",
          new Location("Kampala", "UGA", "Central Region", 0.316, 32.582, "city", 232422L));
  private static final Pattern RIOT =
      Pattern.compile("Rioters clashed in (\\w+) on (\\d{4}-\\d{2}-\\d{2})\\.");

  @Override
  public List<ArticleResult> code(List<RawArticle> articles) {
    List<ArticleResult> out = new ArrayList<>();
    for (RawArticle a : articles) {
      List<CodedEvent> events = new ArrayList<>();
      Matcher m = RIOT.matcher(a.text());
      while (m.find()) {
        String sentence = m.group();
        events.add(
            new CodedEvent(
                a.id() + "#" + m.start(),
                a.id(),
                m.group(2),
                null,
                "day",
                "text",
                m.group(2),
                false,
                new Plover("PROTEST", "riot", List.of()),
                "145",
                new Acled("Riots", "Violent demonstration"),
                new ActorRef("Rioters", null, null, "CVL", "source", m.start(), m.start() + 7),
                null,
                CITIES.get(m.group(1)),
                null,
                0.6,
                List.of(
                    new Evidence(
                        a.id(),
                        sentence,
                        m.start(),
                        m.end(),
                        "clashed",
                        m.start() + 8,
                        m.start() + 15,
                        "test: riot sentence")),
                "test"));
      }
      out.add(new ArticleResult(a, events, List.of(), null, 1, 1));
    }
    return out;
  }
}
