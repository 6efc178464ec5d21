package org.annals.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.annals.lexicon.NamedActor.Role;
import org.junit.jupiter.api.Test;

final class NamedActorTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static Role role(String country, String sector, String from, String to) {
    return new Role(country, sector, from == null ? null : d(from), to == null ? null : d(to));
  }

  /** A made-up minister: elite before and after a dated term in government. */
  private static final NamedActor MINISTER =
      new NamedActor(
          "ana ruvuma",
          "ana ruvuma",
          List.of(
              role("TZA", "ELI", "1980-01-01", "2001-03-04"),
              role("TZA", "GOV", "2001-03-04", "2004-06-30"),
              role("TZA", "ELI", null, null)),
          "named-actors.tsv:7");

  @Test
  void roleAt_dateInsideDatedRole_givesThatRole() {
    assertThat(MINISTER.roleAt(d("2002-07-01")))
        .hasValue(role("TZA", "GOV", "2001-03-04", "2004-06-30"));
  }

  @Test
  void roleAt_rangeEnds_areInclusive() {
    assertThat(MINISTER.roleAt(d("2004-06-30")).orElseThrow().sector()).isEqualTo("GOV");
    assertThat(MINISTER.roleAt(d("2004-07-01")).orElseThrow().sector()).isEqualTo("ELI");
  }

  @Test
  void roleAt_twoDatedRolesCoverTheDay_theShorterWins() {
    // 2001-03-04 ends the long ELI role and starts the GOV one.
    assertThat(MINISTER.roleAt(d("2001-03-04")).orElseThrow().sector()).isEqualTo("GOV");
  }

  @Test
  void roleAt_dateOutsideEveryDatedRole_givesTheDefault() {
    assertThat(MINISTER.roleAt(d("2015-01-01"))).hasValue(role("TZA", "ELI", null, null));
    assertThat(MINISTER.roleAt(d("1970-01-01"))).hasValue(role("TZA", "ELI", null, null));
  }

  @Test
  void roleAt_dateOutsideWithNoDefault_isEmptyButTheCountryStays() {
    NamedActor envoy =
        new NamedActor(
            "ola berg",
            "ola berg",
            List.of(role("NOR", "GOV", "2003-01-01", "2005-12-31")),
            "named-actors.tsv:8");
    assertThat(envoy.roleAt(d("2010-01-01"))).isEmpty();
    assertThat(envoy.country()).isEqualTo("NOR");
  }

  @Test
  void roleAt_openEndedRoles_coverEverythingOnTheirSide() {
    NamedActor chief =
        new NamedActor(
            "kofi mensah",
            "kofi mensah",
            List.of(
                role("GHA", "MIL", null, "1999-12-31"), // "<991231"
                role(null, "IGO", "2007-01-01", null)), // ">20070101"
            "named-actors.tsv:9");
    assertThat(chief.roleAt(d("1950-06-01")).orElseThrow().sector()).isEqualTo("MIL");
    assertThat(chief.roleAt(d("2030-01-01")).orElseThrow().sector()).isEqualTo("IGO");
    assertThat(chief.roleAt(d("2003-01-01"))).isEmpty();
    assertThat(chief.country()).isEqualTo("GHA");
  }

  @Test
  void roleAt_boundedRoleInsideOpenEndedOne_theBoundedWins() {
    NamedActor leader =
        new NamedActor(
            "lin tao",
            "lin tao",
            List.of(
                role("CHN", "GOV", "2008-04-01", null),
                role("CHN", "MIL", "2010-01-01", "2011-01-01")),
            "named-actors.tsv:10");
    assertThat(leader.roleAt(d("2010-06-01")).orElseThrow().sector()).isEqualTo("MIL");
    assertThat(leader.roleAt(d("2012-06-01")).orElseThrow().sector()).isEqualTo("GOV");
  }

  @Test
  void roleAt_noDate_prefersARoleStillHeldOverTheDefault() {
    NamedActor president =
        new NamedActor(
            "ivo kral",
            "ivo kral",
            List.of(
                role("CZE", "ELI", "1970-01-01", "2003-03-07"),
                role("CZE", "GOV", "2003-03-07", null),
                role("CZE", "ELI", null, null)),
            "named-actors.tsv:11");
    assertThat(president.roleAt(null).orElseThrow().sector()).isEqualTo("GOV");
  }

  @Test
  void roleAt_noDateAndNoRoleStillHeld_givesTheDefault() {
    assertThat(MINISTER.roleAt(null)).hasValue(role("TZA", "ELI", null, null));
  }

  @Test
  void roleAt_noDateNoDefault_givesTheRoleThatEndedLast() {
    NamedActor official =
        new NamedActor(
            "sara dube",
            "sara dube",
            List.of(
                role("ZWE", "GOV", "2005-01-01", "2009-01-01"),
                role("ZWE", "JUD", "1998-01-01", "2004-01-01")),
            "named-actors.tsv:12");
    assertThat(official.roleAt(null).orElseThrow().sector()).isEqualTo("GOV");
  }

  @Test
  void country_rolesInSeveralCountries_isNull() {
    NamedActor both =
        new NamedActor(
            "jan vos",
            "jan vos",
            List.of(role("NLD", "GOV", null, null), role("BEL", "GOV", null, null)),
            "named-actors.tsv:13");
    assertThat(both.country()).isNull();
  }

  @Test
  void role_endBeforeStart_isRejected() {
    assertThatThrownBy(() -> role("FRA", "GOV", "2005-01-01", "2004-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2004-01-01");
  }

  @Test
  void role_toString_isTheFileSyntax() {
    assertThat(role("FJI", "GOV", "1999-05-19", "2000-05-27"))
        .hasToString("FJI GOV 1999-05-19..2000-05-27");
    assertThat(role(null, "IGO", "2007-01-01", null)).hasToString("- IGO 2007-01-01..");
    assertThat(role("FJI", "ELI", null, null)).hasToString("FJI ELI");
  }
}
