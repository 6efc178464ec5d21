package org.annals.lexicon;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of one {@code named-actors.tsv} (columns: name, entity, roles, source). The name
 * variants of one entity share their roles cell, which is parsed once. Not thread-safe: one reader
 * per file.
 */
final class NamedActorRows {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The sector codes of {@code actors.tsv}. */
  static final Set<String> SECTORS =
      Set.of(
          "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "SEP", "CVL", "MED", "IGO", "NGO",
          "REL", "BUS", "LAB", "EDU", "REF", "HLH", "CRM", "SPY", "AGR", "ELI");

  private static final String FORMAT =
      "; write roles as COUNTRY SECTOR or COUNTRY SECTOR FROM..TO separated by '|', e.g."
          + " 'FJI ELI 1960-01-01..1999-05-19|FJI GOV 1999-05-19..2000-05-27|FJI ELI' ('-' for no"
          + " country or sector, an empty FROM or TO for an open end)";

  private final Predicate<String> knownCountry;
  private final Map<String, List<NamedActor.Role>> rolesByCell = new HashMap<>();

  /**
   * @param knownCountry true for the ISO alpha-3 codes of {@code countries.tsv}
   */
  NamedActorRows(Predicate<String> knownCountry) {
    this.knownCountry = knownCountry;
  }

  /**
   * The named actor of one row, or null for a row without a name.
   *
   * @throws LexiconException naming the file and line when the row is malformed
   */
  @Nullable NamedActor parse(TsvRow r) {
    String name = r.get(0).strip().toLowerCase(Locale.ROOT);
    if (name.contains("  ") || name.indexOf('\t') >= 0) {
      name = SPACES.matcher(name).replaceAll(" ");
    }
    if (name.isEmpty()) {
      return null;
    }
    String entity = r.opt(1) == null ? name : r.get(1).strip().toLowerCase(Locale.ROOT);
    String cell = r.get(2).strip();
    List<NamedActor.Role> roles = rolesByCell.get(cell);
    if (roles == null) {
      List<NamedActor.Role> parsed = new ArrayList<>();
      for (String role : r.list(2, "|")) {
        parsed.add(role(r, role));
      }
      if (parsed.isEmpty()) {
        throw new LexiconException(r.origin() + ": '" + name + "' has no role" + FORMAT);
      }
      roles = List.copyOf(parsed);
      rolesByCell.put(cell, roles);
    }
    return new NamedActor(name, entity, roles, r.origin());
  }

  private NamedActor.Role role(TsvRow r, String role) {
    String[] parts = SPACES.split(role.strip(), -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new LexiconException(r.origin() + ": role '" + role + "' is malformed" + FORMAT);
    }
    String country = parts[0].equals("-") ? null : parts[0].toUpperCase(Locale.ROOT);
    if (country != null && !knownCountry.test(country)) {
      throw new LexiconException(
          r.origin()
              + ": role '"
              + role
              + "' has country '"
              + parts[0]
              + "', which is not an ISO alpha-3 code of countries.tsv; use one of its codes or '-'");
    }
    String sector = parts[1].equals("-") ? null : parts[1].toUpperCase(Locale.ROOT);
    if (sector != null && !SECTORS.contains(sector)) {
      throw new LexiconException(
          r.origin()
              + ": role '"
              + role
              + "' has sector '"
              + parts[1]
              + "', which is not one of "
              + new TreeSet<>(SECTORS)
              + " or '-'");
    }
    if (parts.length == 2) {
      return new NamedActor.Role(country, sector, null, null);
    }
    int dots = parts[2].indexOf("..");
    if (dots < 0 || parts[2].equals("..")) {
      throw new LexiconException(
          r.origin() + ": role '" + role + "' has no FROM..TO date range" + FORMAT);
    }
    LocalDate from = date(r, role, parts[2].substring(0, dots));
    LocalDate to = date(r, role, parts[2].substring(dots + 2));
    if (from != null && to != null && to.isBefore(from)) {
      throw new LexiconException(
          r.origin() + ": role '" + role + "' ends before it starts; swap or fix the dates");
    }
    return new NamedActor.Role(country, sector, from, to);
  }

  private static @Nullable LocalDate date(TsvRow r, String role, String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        // Faster than LocalDate.parse, and the file has about 50,000 dates.
        return LocalDate.of(
            Integer.parseInt(text, 0, 4, 10),
            Integer.parseInt(text, 5, 7, 10),
            Integer.parseInt(text, 8, 10, 10));
      }
      return LocalDate.parse(text);
    } catch (DateTimeException | NumberFormatException e) {
      throw new LexiconException(
          r.origin() + ": role '" + role + "' has date '" + text + "', not YYYY-MM-DD" + FORMAT);
    }
  }
}
