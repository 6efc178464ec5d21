package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.annals.event.CodedEvent;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/** Named people of named-actors.tsv through the whole pipeline: roles read at publication. */
final class NamedActorCodingTest {
  private static final Pipeline PIPELINE = Runner.pipeline(null, false);
  private static final String TEXT =
      "Prime Minister Mahendra Chaudhry condemned the attack on the parliament in Suva.";

  private static CodedEvent.ActorRef source(LocalDate published) {
    ArticleResult r =
        PIPELINE.process(new RawArticle("t", null, TEXT, published, null, null, "test"));
    assertThat(r.problem()).isNull();
    List<CodedEvent> events =
        r.events().stream().filter(e -> e.plover().type().equals("DISAPPROVE")).toList();
    assertThat(events).as("DISAPPROVE events in %s", r.events()).hasSize(1);
    assertThat(events.get(0).source()).isNotNull();
    assertThat(events.get(0).evidence().get(0).rule()).containsPattern("named-actors\\.tsv:\\d+");
    return events.get(0).source();
  }

  @Test
  void primeMinister_inOffice_isGovernment() {
    CodedEvent.ActorRef a = source(LocalDate.of(2000, 1, 10));
    assertThat(a.name()).isEqualTo("Mahendra Chaudhry");
    assertThat(a.country()).isEqualTo("FJI");
    assertThat(a.sector()).isEqualTo("GOV");
  }

  @Test
  void primeMinister_afterHisTerm_isElite() {
    CodedEvent.ActorRef a = source(LocalDate.of(2006, 11, 20));
    assertThat(a.country()).isEqualTo("FJI");
    assertThat(a.sector()).isEqualTo("ELI");
  }
}
