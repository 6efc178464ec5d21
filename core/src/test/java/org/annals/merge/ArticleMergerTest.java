package org.annals.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.annals.coding.Actor;
import org.annals.coding.EventMention;
import org.annals.event.CodedEvent.Location;
import org.annals.time.EventDate;
import org.junit.jupiter.api.Test;

final class ArticleMergerTest {
  private static final LocalDate DAY = LocalDate.of(2022, 8, 29);

  private static Actor actor(String text, String sector, String country) {
    return new Actor(text, null, country, sector, null, 0, text.length(), "test");
  }

  private static Draft draft(int sentence, String type, String sub, Actor source, LocalDate date) {
    EventMention m =
        new EventMention(
            sentence,
            0,
            0,
            sentence * 100,
            sentence * 100 + 5,
            "x",
            type,
            null,
            List.of(),
            "145",
            sub == null ? null : "Riots",
            sub,
            source,
            null,
            5,
            null,
            null,
            0,
            false,
            List.of());
    EventDate d = new EventDate(date, date, "day", "text", false, null, "test");
    return new Draft(m, d, new org.annals.place.EventPlacer.Placed(Location.unknown(), "test"));
  }

  private final ArticleMerger merger = new ArticleMerger();

  @Test
  void sameTypeDayAndSource_merge() {
    var groups =
        merger.group(
            List.of(
                draft(
                    0, "PROTEST", "Violent demonstration", actor("protesters", "CVL", "IRQ"), DAY),
                draft(2, "PROTEST", "Violent demonstration", actor("rioters", "CVL", null), DAY)));
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0)).hasSize(2);
  }

  @Test
  void differentDaysOrSources_stayApart() {
    var groups =
        merger.group(
            List.of(
                draft(
                    0, "PROTEST", "Violent demonstration", actor("protesters", "CVL", "IRQ"), DAY),
                draft(
                    1,
                    "PROTEST",
                    "Violent demonstration",
                    actor("protesters", "CVL", "IRQ"),
                    DAY.minusDays(30)),
                draft(2, "PROTEST", "Violent demonstration", actor("soldiers", "MIL", "IRQ"), DAY),
                draft(3, "ASSAULT", "Attack", actor("protesters", "CVL", "IRQ"), DAY)));
    assertThat(groups).hasSize(4);
  }

  @Test
  void grouping_isDeterministicAndInDocumentOrder() {
    List<Draft> drafts =
        List.of(
            draft(3, "FIGHT", "Armed clash", actor("rebels", "REB", null), DAY),
            draft(1, "FIGHT", "Armed clash", actor("rebels", "REB", null), DAY));
    var groups = merger.group(drafts);
    assertThat(groups).hasSize(1);
    assertThat(merger.group(drafts)).isEqualTo(groups);
  }
}
