package org.annals.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.annals.event.CodedEvent.Location;
import org.junit.jupiter.api.Test;

final class EventMergerTest {
  private final EventMerger merger = new EventMerger();

  @Test
  void merge_threeReportsOfOneRiot_oneEventWithThreeReports() {
    Report a = Reports.riot("r1", "a1").said("Rioters set fire to parliament.").build();
    Report b = Reports.riot("r2", "a2").said("Protesters stormed the parliament.").build();
    Report c = Reports.riot("r3", "a3").said("Crowds torched part of the building.").build();

    List<MergedEvent> events = merger.merge(List.of(a, b, c));

    assertThat(events).hasSize(1);
    MergedEvent e = events.get(0);
    assertThat(e.numReports()).isEqualTo(3);
    assertThat(e.numArticles()).isEqualTo(3);
    assertThat(e.numSources()).isEqualTo(3);
    assertThat(e.event().evidence()).hasSize(3);
    assertThat(e.reportIds()).containsExactly("r1", "r2", "r3");
    assertThat(e.event().confidence()).isEqualTo(0.936); // 1 - 0.4³
  }

  @Test
  void merge_riotsInTwoCitiesSameDay_stayTwo() {
    Report a = Reports.riot("r1", "a1").build();
    Report b = Reports.riot("r2", "a2").in(Reports.MOMBASA).build();

    assertThat(merger.merge(List.of(a, b))).hasSize(2);
  }

  @Test
  void merge_differentDaysOrTypes_stayApart() {
    Report a = Reports.riot("r1", "a1").build();
    Report b = Reports.riot("r2", "a2").on("2024-06-26", "day").build();
    Report c = Reports.riot("r3", "a3").type("ASSAULT", "firearms").build();

    assertThat(merger.merge(List.of(a, b, c))).hasSize(3);
  }

  @Test
  void merge_twoReportsOfOneArticle_neverMerged() {
    Report a = Reports.riot("r1", "a1").build();
    Report b = Reports.riot("r2", "a1").build();
    Report c = Reports.riot("r3", "a2").build();

    List<MergedEvent> events = merger.merge(List.of(a, b, c));

    assertThat(events).hasSize(2);
    assertThat(events).extracting(MergedEvent::numReports).containsExactlyInAnyOrder(2, 1);
  }

  @Test
  void merge_sameAcledSubEventUnderTwoPloverTypes_oneHappening() {
    Report riot = Reports.riot("r1", "a1").build();
    Report torching =
        Reports.riot("r2", "a1")
            .type("ASSAULT", "destroy")
            .acled("Riots", "Violent demonstration")
            .said("They torched cars.")
            .build();
    Report other =
        Reports.riot("r3", "a2")
            .type("ASSAULT", "destroy")
            .acled("Riots", "Violent demonstration")
            .build();
    Report sameTypeTwice = Reports.riot("r4", "a2").build();

    List<MergedEvent> events = merger.merge(List.of(riot, torching, other, sameTypeTwice));

    // a1's riot and torching are two aspects of one riot; a2 told of it twice as well
    assertThat(events).hasSize(1);
    assertThat(events.get(0).numArticles()).isEqualTo(2);
    assertThat(events.get(0).numReports()).isEqualTo(4);
  }

  @Test
  void merge_anyOrder_sameEventsSameIds() {
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      var r = Reports.riot("r" + i, "a" + (i % 5));
      if (i % 3 == 0) {
        r.in(Reports.MOMBASA);
      }
      if (i % 4 == 0) {
        r.in(Reports.KENYA).on("2024-06-01", "month");
      }
      reports.add(r.build());
    }
    List<MergedEvent> expected = merger.merge(reports);
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(reports, random);
      assertThat(merger.merge(reports)).isEqualTo(expected);
    }
    assertThat(expected.size()).isBetween(2, 11);
  }

  @Test
  void merge_nearDuplicateCopy_joinsItsOriginalAndCountsOneSource() {
    Report storming = Reports.riot("r1", "a1").build();
    Report curfew =
        Reports.riot("r2", "a1")
            .type("COERCE", "curfew")
            .in(Reports.KENYA)
            .said("A nationwide curfew was declared.")
            .build();
    Report stormingCopy = Reports.riot("r3", "b1").family("a1").build();
    Report curfewCopy =
        Reports.riot("r4", "b1")
            .family("a1")
            .type("COERCE", "curfew")
            .in(Reports.KENYA)
            .said("A nationwide curfew was declared.")
            .build();

    List<MergedEvent> events = merger.merge(List.of(storming, curfew, stormingCopy, curfewCopy));

    assertThat(events).hasSize(2);
    for (MergedEvent e : events) {
      assertThat(e.numArticles()).isEqualTo(2);
      assertThat(e.numSources()).isEqualTo(1);
      assertThat(e.event().confidence()).isEqualTo(0.6);
      assertThat(e.event().evidence()).extracting(ev -> ev.articleId()).containsExactly("a1", "b1");
    }
  }

  @Test
  void merge_vagueReport_joinsOnePreciseEventWithoutBridgingTwo() {
    Report nairobi1 = Reports.riot("r1", "a1").build();
    Report nairobi2 = Reports.riot("r2", "a2").build();
    Report mombasa = Reports.riot("r3", "a3").in(Reports.MOMBASA).build();
    Report kenya = Reports.riot("r4", "a4").in(Reports.KENYA).build();

    List<MergedEvent> events = merger.merge(List.of(nairobi1, nairobi2, mombasa, kenya));

    assertThat(events).hasSize(2);
    MergedEvent big = events.stream().filter(e -> e.numReports() == 3).findFirst().orElseThrow();
    assertThat(big.reportIds()).containsExactly("r1", "r2", "r4");
    assertThat(big.event().location().name()).isEqualTo("Nairobi"); // the most precise place
  }

  @Test
  void merge_reportsDatedOnlyToAMonth_neverMergeAcrossArticles() {
    Report a = Reports.riot("r1", "a1").in(Reports.KENYA).on("2024-06-01", "month").build();
    Report b = Reports.riot("r2", "a2").in(Reports.KENYA).on("2024-06-01", "month").build();
    Report precise = Reports.riot("r3", "a3").build();

    assertThat(merger.merge(List.of(a, b, precise))).hasSize(3);
  }

  @Test
  void merge_anchor_isEarliestPublishedReport() {
    var late = Reports.riot("r1", "a1");
    late.published = java.time.LocalDate.of(2024, 6, 27);
    Report early = Reports.riot("r2", "a2").build();

    MergedEvent e = merger.merge(List.of(late.build(), early)).get(0);

    assertThat(e.id()).isEqualTo("r2");
    assertThat(e.firstSeen()).isEqualTo("2024-06-26");
    assertThat(e.lastSeen()).isEqualTo("2024-06-27");
  }

  @Test
  void merge_reportDatedByPublicationTheDayAfter_joinsTheDatedOne() {
    Report dated = Reports.riot("r1", "a1").build(); // 2024-06-25 from the text
    Report nextDay = Reports.riot("r2", "a2").byPublication("2024-06-26").build();
    Report twoDays = Reports.riot("r3", "a3").byPublication("2024-06-27").build();

    List<MergedEvent> events = merger.merge(List.of(dated, nextDay, twoDays));

    assertThat(events)
        .extracting(MergedEvent::reportIds)
        .containsExactlyInAnyOrder(List.of("r1", "r2"), List.of("r3"));
  }

  @Test
  void merge_twoTextDatesADayApart_stayTwo() {
    Report a = Reports.riot("r1", "a1").build();
    Report b = Reports.riot("r2", "a2").on("2024-06-26", "day").build();

    assertThat(merger.merge(List.of(a, b))).hasSize(2);
  }

  @Test
  void merge_regionAndItsCountrySameDay_oneEvent_otherCountryApart() {
    var region =
        new org.annals.event.CodedEvent.Location("Aceh", "IDN", "Aceh", 4.2, 96.8, "region", 1L);
    var country =
        new org.annals.event.CodedEvent.Location(
            "Indonesia", "IDN", null, -2.0, 118.0, "country", 2L);
    var other =
        new org.annals.event.CodedEvent.Location(
            "Malaysia", "MYS", null, 3.9, 102.0, "country", 3L);
    Report a = Reports.riot("r1", "a1").in(region).build();
    Report b = Reports.riot("r2", "a2").in(country).build();
    Report c = Reports.riot("r3", "a3").in(other).build();

    assertThat(merger.merge(List.of(a, b, c)))
        .extracting(MergedEvent::reportIds)
        .containsExactlyInAnyOrder(List.of("r1", "r2"), List.of("r3"));
  }

  @Test
  void merge_townsEitherSideOfABorder_oneEvent_townsFartherApartStayTwo() {
    var busiaKenya =
        new org.annals.event.CodedEvent.Location(
            "Busia", "KEN", "Busia", 0.4608, 34.1115, "city", 1L);
    var busiaUganda =
        new org.annals.event.CodedEvent.Location(
            "Busia", "UGA", "Eastern", 0.4544, 34.0925, "city", 2L);
    var mbale =
        new org.annals.event.CodedEvent.Location(
            "Mbale", "UGA", "Eastern", 1.0821, 34.1750, "city", 3L);
    Report a = Reports.riot("r1", "a1").in(busiaKenya).build();
    Report b = Reports.riot("r2", "a2").in(busiaUganda).build();
    Report c = Reports.riot("r3", "a3").in(mbale).build(); // 70 km from Busia, Uganda

    assertThat(merger.merge(List.of(a, b, c)))
        .extracting(MergedEvent::reportIds)
        .containsExactlyInAnyOrder(List.of("r1", "r2"), List.of("r3"));
  }

  @Test
  void merge_reportsEitherSideOfAMonthsEnd_oneEvent() {
    Report lastDay = Reports.riot("r1", "a1").on("2024-06-30", "day").build();
    Report nextMorning = Reports.riot("r2", "a2").byPublication("2024-07-01").build();

    assertThat(merger.merge(List.of(lastDay, nextMorning)))
        .extracting(MergedEvent::reportIds)
        .containsExactly(List.of("r1", "r2"));
  }

  @Test
  void clusters_chainReportsRelatedThroughAThird_andKeepTheRestApart() {
    // r2 (published the day after) relates to r1 and to r3, which are a day apart by their texts
    Report r1 = Reports.riot("r1", "a1").on("2024-06-25", "day").build();
    Report r2 = Reports.riot("r2", "a2").byPublication("2024-06-26").build();
    Report r3 = Reports.riot("r3", "a3").on("2024-06-26", "day").build();
    Report far = Reports.riot("r4", "a4").in(Reports.MOMBASA).build();

    List<List<Report>> clusters = merger.clusters(List.of(far, r3, r2, r1));

    assertThat(clusters)
        .extracting(c -> c.stream().map(Report::id).toList())
        .containsExactly(List.of("r1", "r2", "r3"), List.of("r4"));
    assertThat(EventMerger.related(r1, r3)).isFalse();
  }

  @Test
  void clusters_countryReportsOnDaysInARow_doNotChainThroughTheDayAfter() {
    Report monday = Reports.riot("r1", "a1").in(Reports.KENYA).on("2024-06-24", "day").build();
    Report published =
        Reports.riot("r2", "a2").in(Reports.KENYA).byPublication("2024-06-25").build();
    Report tuesday = Reports.riot("r3", "a3").in(Reports.KENYA).on("2024-06-25", "day").build();

    assertThat(merger.clusters(List.of(monday, published, tuesday)))
        .extracting(c -> c.stream().map(Report::id).toList())
        .containsExactly(List.of("r1"), List.of("r2", "r3"));
  }

  @Test
  void merge_undatedReportsInOneTown_oneEventOnlyWhenTheyNameTheSameOne() {
    Report a =
        Reports.riot("r1", "a1")
            .on(null, "unknown")
            .said("Rioters attacked the Kamau Hotel.")
            .build();
    Report b =
        Reports.riot("r2", "a2")
            .on(null, "unknown")
            .said("The crowd looted the Kamau Hotel overnight.")
            .build();
    Report c =
        Reports.riot("r3", "a3")
            .on(null, "unknown")
            .said("Rioters burned the Otieno Market, Police said.")
            .build();

    assertThat(merger.merge(List.of(a, b, c)))
        .extracting(MergedEvent::reportIds)
        .containsExactlyInAnyOrder(List.of("r1", "r2"), List.of("r3"));
  }

  @Test
  void merge_undatedBackgroundReports_neverLinkByNamesAcrossArticles() {
    // "charged with the murder at the Kamau Hotel" in two articles years apart: background acts,
    // undated even in dated articles; names alone would chain every such mention into one event
    Report a =
        Reports.riot("r1", "a1")
            .on(null, "unknown")
            .background()
            .said("Rioters attacked the Kamau Hotel.")
            .build();
    Report b =
        Reports.riot("r2", "a2")
            .on(null, "unknown")
            .background()
            .said("The crowd looted the Kamau Hotel overnight.")
            .build();
    Report news =
        Reports.riot("r3", "a3")
            .on(null, "unknown")
            .said("Rioters looted the Kamau Hotel again.")
            .build();

    assertThat(merger.merge(List.of(a, b, news)))
        .extracting(MergedEvent::reportIds)
        .containsExactlyInAnyOrder(List.of("r1"), List.of("r2"), List.of("r3"));
    assertThat(EventMerger.undatedKeys(a.event())).isEmpty();
    assertThat(EventMerger.undatedKeys(news.event())).isNotEmpty();
  }

  @Test
  void merge_undatedReportsOfATownAndItsCountry_joinOnASurname() {
    Report town =
        Reports.riot("r1", "a1")
            .on(null, "unknown")
            .said("The crowd that attacked the Kamau Hotel was led by Joseph Wanjiru, police said.")
            .build();
    // "Wanjiru" opens the sentence: a name here because the other report has it inside one
    Report country =
        Reports.riot("r2", "a2")
            .in(Reports.KENYA)
            .on(null, "unknown")
            .said("Wanjiru led the rioters through the streets, witnesses said.")
            .build();
    Report otherLeader =
        Reports.riot("r3", "a3")
            .in(Reports.KENYA)
            .on(null, "unknown")
            .said("Rioters led by Joseph Mwangi burned cars.")
            .build();

    assertThat(merger.merge(List.of(town, country, otherLeader)))
        .extracting(MergedEvent::reportIds)
        .containsExactlyInAnyOrder(List.of("r1", "r2"), List.of("r3"));
  }

  @Test
  void merge_undatedReportsSharingOnlyAFirstNameADemonymOrAPlace_stayApart() {
    Report a =
        Reports.riot("r1", "a1")
            .on(null, "unknown")
            .said("Rioters stoned the car of Governor David Odhiambo near the Kenyan port.")
            .build();
    Report firstName =
        Reports.riot("r2", "a2")
            .in(Reports.KENYA)
            .on(null, "unknown")
            .said("Rioters beat a shopkeeper, his brother David Kariuki said.")
            .build();
    Report demonym =
        Reports.riot("r3", "a3")
            .in(Reports.KENYA)
            .on(null, "unknown")
            .said("A Kenyan crowd torched a lorry, the Nation reported.")
            .build();
    Report place =
        Reports.riot("r4", "a4")
            .in(Reports.KENYA)
            .on(null, "unknown")
            .said("Youths from Nairobi rioted for a second night, officials in Mombasa said.")
            .build();

    assertThat(merger.merge(List.of(a, firstName, demonym, place))).hasSize(4);
  }

  @Test
  void merge_undatedReportsOfTwoTowns_neverJoinedThroughOneOfTheirCountry() {
    Report nairobi =
        Reports.riot("r1", "a1")
            .on(null, "unknown")
            .said("Supporters of Raila Odinga rioted outside the courthouse.")
            .build();
    Report mombasa =
        Reports.riot("r2", "a2")
            .in(Reports.MOMBASA)
            .on(null, "unknown")
            .said("Supporters of Raila Odinga rioted at the port gates.")
            .build();
    Report kenya =
        Reports.riot("r3", "a3")
            .in(Reports.KENYA)
            .on(null, "unknown")
            .said("Riots broke out among supporters of Raila Odinga.")
            .build();

    List<MergedEvent> events = merger.merge(List.of(nairobi, mombasa, kenya));

    // the country's report joins one town's event, not both into one
    assertThat(events).hasSize(2);
    assertThat(events).allSatisfy(e -> assertThat(e.numReports()).isLessThanOrEqualTo(2));
  }

  @Test
  void merge_undatedReportsInAnyOrder_sameEvents() {
    String[] names = {"Wanjiru", "Odhiambo", "Kariuki"};
    Location[] places = {Reports.NAIROBI, Reports.MOMBASA, Reports.KENYA};
    Random random = new Random(11);
    for (int trial = 0; trial < 10; trial++) {
      List<Report> reports = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        String name = names[random.nextInt(names.length)];
        String sentence =
            random.nextBoolean()
                ? name + " led rioters through the town."
                : "Rioters led by Peter " + name + " burned a lorry.";
        reports.add(
            Reports.riot("r" + i, "a" + i)
                .in(places[random.nextInt(places.length)])
                .on(null, "unknown")
                .said(sentence)
                .build());
      }
      List<MergedEvent> expected = merger.merge(reports);
      for (int round = 0; round < 10; round++) {
        Collections.shuffle(reports, random);
        assertThat(merger.merge(reports)).isEqualTo(expected);
      }
      // no event holds two towns' reports
      for (MergedEvent e : expected) {
        assertThat(
                reports.stream()
                    .filter(r -> e.reportIds().contains(r.id()))
                    .map(r -> r.event().location().name())
                    .filter(n -> !n.equals("Kenya"))
                    .distinct()
                    .count())
            .isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void actorsCompatible_differentNamesOnTheSameSide_areOneSideNotAVeto() {
    var navy =
        new org.annals.event.CodedEvent.ActorRef(
            "the navy", "Indian Navy", "IND", "MIL", null, 0, 8);
    var ship =
        new org.annals.event.CodedEvent.ActorRef(
            "INS Sukanya", "INS Sukanya", "IND", "MIL", null, 0, 11);
    var rebels =
        new org.annals.event.CodedEvent.ActorRef("rebels", "Some Front", "IND", "REB", null, 0, 6);
    var unknown = new org.annals.event.CodedEvent.ActorRef("Mr X", "Mr X", null, null, null, 0, 4);
    var other = new org.annals.event.CodedEvent.ActorRef("Mr Y", "Mr Y", null, null, null, 0, 4);

    assertThat(Matching.actorsCompatible(navy, ship)).isTrue();
    assertThat(Matching.actorsCompatible(navy, rebels)).isFalse();
    assertThat(Matching.actorsCompatible(unknown, other)).isFalse();
  }
}
