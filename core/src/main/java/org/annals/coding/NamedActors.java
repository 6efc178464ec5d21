package org.annals.coding;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.annals.lexicon.Lexicon;
import org.annals.lexicon.NamedActor;
import org.annals.lexicon.PhraseIndex;
import org.annals.nlp.Sentence;
import org.annals.nlp.Token;
import org.jspecify.annotations.Nullable;

/**
 * Named people, organisations and armed groups ({@code named-actors.tsv}) in actor phrases: where a
 * name is, and what its role at the publication date adds to what the phrase's other words gave.
 * Thread-safe.
 */
final class NamedActors {
  private final Lexicon lexicon;

  NamedActors(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** What an actor phrase gave: a name, a country and a sector, with the lines that gave them. */
  record Found(
      @Nullable String name,
      @Nullable String country,
      @Nullable String countryRule,
      @Nullable String sector,
      @Nullable String sectorRule) {}

  /**
   * {@code words} completed or overridden by a named person or organisation's role at the
   * publication date ({@code date}, null when unknown). A name that is the phrase's head ("Prime
   * Minister Mahendra Chaudhry") decides the sector and country when the date is known; with no
   * date its role is a guess, so a sector the phrase's actor words give ("President") stays. A name
   * that is not the head ("Lashkar-e-Taiba militants") only fills what the actor words left open.
   * An IGO official gets no country from his own nationality.
   */
  Found complete(Sentence s, Match named, Found words, @Nullable LocalDate date) {
    NamedActor a = named.actor();
    Optional<NamedActor.Role> role = a.roleAt(date);
    String roleCountry = role.map(NamedActor.Role::country).orElse(a.country());
    String roleSector = role.map(NamedActor.Role::sector).orElse(null);
    boolean atHead = named.distance() < 0;
    boolean decides = atHead && (date != null || words.sector() == null);
    String written = ActorResolver.joinWords(s, named.start(), named.end());
    String how =
        a.origin()
            + " '"
            + written
            + "' "
            + role.map(NamedActor.Role::toString).orElse("(no role at " + date + ")");
    String sector = words.sector();
    String sectorRule = words.sectorRule();
    if (roleSector != null && (decides || sector == null)) {
      sector = roleSector;
      sectorRule = how;
    }
    String country = words.country();
    String countryRule = words.countryRule();
    if (decides && role.isPresent() && (role.get().country() != null || "IGO".equals(sector))) {
      country = role.get().country();
      countryRule = how;
    } else if (country == null && roleCountry != null && !"IGO".equals(sector)) {
      country = roleCountry;
      countryRule = how;
    }
    return new Found(
        atHead || words.name() == null ? written : words.name(),
        country,
        countryRule,
        sector,
        sectorRule);
  }

  /**
   * A named actor found at tokens {@code [start, end)}; {@code distance} is -1 when the name holds
   * the phrase's head, else its distance from the head (names after the head count 10 more).
   */
  record Match(NamedActor actor, int start, int end, int distance) {}

  /**
   * The longest named actor starting at token {@code i}, or null: it must be longer than the actor
   * term found there ({@code actors.tsv} decides its own terms), be written as a name (a capital
   * letter in it; a one-word name of up to 4 letters in capitals: SPLA, not Spla) and not be part
   * of a place name.
   */
  @Nullable Match at(Sentence s, int i, int to, int head, int termLength) {
    List<Token> toks = s.tokens();
    PhraseIndex.Match<NamedActor> m =
        lexicon.namedActors().longest(i, to, k -> toks.get(k).lower(), k -> toks.get(k).lower());
    if (m == null || m.length() <= termLength || ActorResolver.insidePlaceName(s, i)) {
      return null;
    }
    int end = i + m.length();
    boolean capital = false;
    for (int k = i; k < end; k++) {
      String w = toks.get(k).word();
      capital |= !w.equals(w.toLowerCase(Locale.ROOT));
    }
    String first = toks.get(i).word();
    if (!capital
        || (m.length() == 1
            && first.length() <= 4
            && !first.equals(first.toUpperCase(Locale.ROOT)))) {
      return null;
    }
    int last = end - 1;
    int distance = i <= head && head <= last ? -1 : last < head ? head - last : last - head + 10;
    return new Match(m.value(), i, end, distance);
  }
}
