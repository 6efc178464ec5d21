package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.annals.event.CodedEvent;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's canonical example, read from {@code ../shared/examples} (never copied into the
 * repository). Skipped where {@code ../shared} is absent, e.g. on a fresh clone; CI has it.
 */
final class ExampleArticleTest {
  private static final Path EXAMPLE =
      Path.of("..", "..", "shared", "examples", "iraq-palace-2022-08-29.txt");

  private static List<CodedEvent> events(String coder) {
    assumeTrue(Files.isRegularFile(EXAMPLE), "../shared/examples is not present");
    List<RawArticle> read =
        Runner.read(
            List.of(EXAMPLE.toString()),
            System.in,
            LocalDate.of(2022, 8, 29),
            p -> {
              throw new AssertionError(p.toString());
            });
    ArticleResult r =
        Runner.pipeline(
                (java.nio.file.Path) null,
                false,
                null,
                true,
                coder.equals("rules") ? null : org.annals.model.OnnxEventClassifier.builtIn())
            .process(read.get(0));
    assertThat(r.problem()).isNull();
    return r.events();
  }

  private static List<CodedEvent> matching(List<CodedEvent> events, Predicate<CodedEvent> p) {
    return events.stream().filter(p).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules", "hybrid"})
  void example_meetsTheCoreIssuesDoneWhen(String coder) {
    List<CodedEvent> events = events(coder);

    // The storming of the palace: PROTEST, Riots, 2022-08-29, protesters as source.
    List<CodedEvent> storming =
        matching(
            events,
            e ->
                e.plover().type().equals("PROTEST")
                    && "Riots".equals(e.acled().eventType())
                    && "2022-08-29".equals(e.date()));
    assertThat(storming)
        .anySatisfy(
            e -> {
              assertThat(e.source().text().toLowerCase(java.util.Locale.ROOT))
                  .contains("protesters");
              assertThat(e.plover().mode()).isEqualTo("riot");
              assertThat(e.cameo()).isEqualTo("145");
              assertThat(e.acled().subEventType()).isEqualTo("Violent demonstration");
              assertThat(e.evidence().get(0).trigger()).containsIgnoringCase("storm");
              assertThat(e.evidence().size()).isGreaterThan(1);
              // Geocoding: at the palace or the Green Zone (or at least Baghdad), near Baghdad's
              // centre.
              assertThat(e.location().precision()).isIn("site", "city");
              assertThat(
                      org.annals.place.GeoPlace.km(
                          e.location().lat(), e.location().lon(), 33.31, 44.37))
                  .isLessThan(25);
            });
    // No event placed outside Iraq.
    assertThat(events).allSatisfy(e -> assertThat(e.location().country()).isEqualTo("IRQ"));

    // Security forces firing on the crowds, and the tear gas: MIL/COP against the protesters.
    List<CodedEvent> force =
        matching(
            events,
            e ->
                (e.plover().type().equals("ASSAULT") || e.plover().type().equals("COERCE"))
                    && "2022-08-29".equals(e.date())
                    && e.source() != null
                    && List.of("MIL", "COP").contains(e.source().sector())
                    && e.target() != null
                    && "protester".equals(e.target().role()));
    assertThat(force).hasSizeGreaterThanOrEqualTo(2);
    assertThat(force).anySatisfy(e -> assertThat(e.evidence().get(0).trigger()).contains("fire"));
    assertThat(force).anySatisfy(e -> assertThat(e.evidence().get(0).trigger()).contains("gas"));

    // The nationwide curfew at country level.
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.plover().mode()).isEqualTo("curfew");
              assertThat(e.cameo()).isEqualTo("1723");
              assertThat(e.location().precision()).isEqualTo("country");
              assertThat(e.location().country()).isEqualTo("IRQ");
              assertThat(e.location().lat()).isNotNull();
            });

    // The July 30 storming of parliament, dated and marked background.
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.plover().type()).isEqualTo("PROTEST");
              assertThat(e.date()).isEqualTo("2022-07-30");
              assertThat(e.background()).isTrue();
            });

    // Nothing from the "Read more" lines; nothing from the militia history dated to Monday.
    for (CodedEvent e : events) {
      for (CodedEvent.Evidence ev : e.evidence()) {
        assertThat(ev.sentence()).doesNotContainIgnoringCase("read more");
        if (ev.sentence().contains("militia")) {
          assertThat(e.date()).isNotEqualTo("2022-08-29");
        }
      }
    }
  }
}
