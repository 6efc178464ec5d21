package org.annals.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class TimexTest {
  @Test
  void parse_dayMonthYear_givePrecision() {
    assertThat(Timex.parse("2022-08-29"))
        .isEqualTo(new Timex.Period(LocalDate.of(2022, 8, 29), LocalDate.of(2022, 8, 29), "day"));
    assertThat(Timex.parse("2022-08-29T19:00").precision()).isEqualTo("day");
    assertThat(Timex.parse("2021-10"))
        .isEqualTo(
            new Timex.Period(LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31), "month"));
    assertThat(Timex.parse("2003").end()).isEqualTo(LocalDate.of(2003, 12, 31));
  }

  @Test
  void parse_weekAndDecade_areRanges() {
    Timex.Period w = Timex.parse("2022-W35");
    assertThat(w.start()).isEqualTo(LocalDate.of(2022, 8, 29));
    assertThat(w.end()).isEqualTo(LocalDate.of(2022, 9, 4));
    assertThat(w.precision()).isEqualTo("range");
    assertThat(Timex.parse("199X").start()).isEqualTo(LocalDate.of(1990, 1, 1));
  }

  @Test
  void parse_relativeValues_areUnresolved() {
    assertThat(Timex.parse("XXXX-WXX-1")).isNull();
    assertThat(Timex.isUnresolved("XXXX-WXX-1")).isTrue();
    assertThat(Timex.isUnresolved("XXXX-07-30")).isTrue();
    assertThat(Timex.isUnresolved("2022-07-30")).isFalse();
    assertThat(Timex.parse("2022-13-01")).isNull();
  }

  @Test
  void durationStart_countsBackFromEnd() {
    LocalDate pub = LocalDate.of(2022, 8, 29);
    assertThat(Timex.durationStart("P3W", pub)).isEqualTo(LocalDate.of(2022, 8, 8));
    assertThat(Timex.durationStart("PXW", pub)).isNull();
  }
}
