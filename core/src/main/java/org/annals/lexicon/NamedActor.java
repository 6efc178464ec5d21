package org.annals.lexicon;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code named-actors.tsv}: a name variant of a person, organisation or armed group,
 * with the entity's roles over time.
 *
 * @param name the lowercase name variant
 * @param entity the lowercase primary name of the entity; rows with the same entity are one actor
 * @param roles the entity's roles, in dictionary order; at least one
 * @param origin the row, for provenance ({@code named-actors.tsv:1234})
 */
public record NamedActor(String name, String entity, List<Role> roles, String origin) {
  public NamedActor {
    roles = List.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("named actor '" + name + "' has no role");
    }
  }

  /**
   * A role: a country and a sector, either possibly unknown, held from {@code from} to {@code to}
   * (both inclusive; null for an open end). A role with neither date is the entity's default.
   *
   * @param country ISO 3166-1 alpha-3 code, or null (international organisations)
   * @param sector sector code (GOV, MIL, REB, ELI, IGO, …), or null
   */
  public record Role(
      @Nullable String country,
      @Nullable String sector,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    public Role {
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("role ends " + to + " before it starts " + from);
      }
    }

    /** True for a role with a date at either end; false for the default role. */
    public boolean dated() {
      return from != null || to != null;
    }

    /** True if the role is held on {@code date}: a dated role whose range contains it. */
    boolean covers(LocalDate date) {
      return dated() && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /** Days the role lasts; open-ended roles last forever. */
    long days() {
      return from == null || to == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(from, to);
    }

    /** As in the file: {@code FJI GOV 1999-05-19..2000-05-27}, {@code - IGO 2007-01-01..}. */
    @Override
    public String toString() {
      String s = (country == null ? "-" : country) + " " + (sector == null ? "-" : sector);
      if (!dated()) {
        return s;
      }
      return s + " " + (from == null ? "" : from) + ".." + (to == null ? "" : to);
    }
  }

  /**
   * The role held on {@code date}. A dated role whose range contains the date comes first (of
   * several, the shortest, then the one that started last); else the default role. Empty when no
   * dated role covers the date and there is no default.
   *
   * <p>With no date, the latest sensible role: one still held when the dictionary was made (open at
   * its end, "from D on"; of several, the one that started last), else the default role, else the
   * role that ended last. The default is what holds outside the dated roles (often ELI, elite, for
   * a former leader), so it comes after a role still held.
   */
  public Optional<Role> roleAt(@Nullable LocalDate date) {
    Optional<Role> undated = roles.stream().filter(r -> !r.dated()).findFirst();
    if (date == null) {
      Optional<Role> current =
          roles.stream()
              .filter(r -> r.from() != null && r.to() == null)
              .max(Comparator.comparing(Role::from));
      if (current.isPresent()) {
        return current;
      }
      return undated.isPresent() ? undated : roles.stream().max(LATEST);
    }
    Optional<Role> dated =
        roles.stream()
            .filter(r -> r.covers(date))
            .min(
                Comparator.comparingLong(Role::days)
                    .thenComparing(Role::from, Comparator.nullsLast(Comparator.reverseOrder())));
    return dated.isPresent() ? dated : undated;
  }

  /** Later end first (an open end is the latest), then later start. */
  private static final Comparator<Role> LATEST =
      Comparator.comparing(Role::to, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
          .thenComparing(Role::from, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));

  /**
   * The country every role with a country has, or null when the roles name none or several (for a
   * date no role covers: a former minister is still of his country).
   */
  public @Nullable String country() {
    List<String> countries =
        roles.stream().map(Role::country).filter(Objects::nonNull).distinct().toList();
    return countries.size() == 1 ? countries.get(0) : null;
  }
}
