package org.annals.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SentenceSelectorTest {
  private final SentenceSelector scan = words -> words.contains("attacked");

  @Test
  void withLead_readsTheLeadWithoutATriggerWord_andScansTheRest() {
    SentenceSelector lead = scan.withLead();
    List<String> plain = List.of("the", "ministers", "spoke", "by", "telephone");
    List<String> trigger = List.of("rebels", "attacked", "a", "convoy");

    assertThat(lead.needsAnalysis(0, plain)).isTrue();
    assertThat(lead.needsAnalysis(1, plain)).isFalse();
    assertThat(lead.needsAnalysis(3, trigger)).isTrue();
    assertThat(scan.needsAnalysis(0, plain)).isFalse();
  }
}
