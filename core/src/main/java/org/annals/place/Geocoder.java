package org.annals.place;

import java.util.List;
import org.annals.lexicon.Lexicon;
import org.annals.nlp.AnnotatedDocument;
import org.jspecify.annotations.Nullable;

/**
 * Finds the place mentions of an article and resolves each to a gazetteer entry.
 *
 * <p>Recognition matches capitalised token sequences against the gazetteer in every sentence
 * (cheap: no extra NLP) and adds the named-entity recogniser's LOCATION spans where a sentence was
 * analysed; a match is dropped when it is part of a longer name ("Manchester United", "University
 * of Texas", "George Washington"), a common word opening a sentence ("Police"), or tagged PERSON or
 * ORGANIZATION. A place that acts ("Washington said", "Iraq's government") is kept with use {@code
 * actor}.
 *
 * <p>Resolution scores each candidate by population and feature (capital, admin seat), the
 * article's country evidence (countries, demonyms and unambiguous places named), a qualifier next
 * to it ("Paris, Texas", "Iraq's Basra province"), a region word ("Basra province" is the region),
 * and nearness to the article's other places. One name keeps one sense per article. Thread-safe.
 */
public final class Geocoder {
  private final Gazetteer gazetteer;
  private final Recogniser recogniser;

  public Geocoder(Lexicon lexicon) {
    this.gazetteer = Gazetteer.of(lexicon);
    this.recogniser = new Recogniser(gazetteer, lexicon);
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /** All place mentions of {@code doc}, in text order, resolved where the gazetteer knows them. */
  public List<Toponym> find(AnnotatedDocument doc) {
    return find(doc, null);
  }

  /**
   * As {@link #find(AnnotatedDocument)}, with the article's web address as evidence: the country of
   * its country-code domain and the region its host name opens with ("cumbrianews.co.uk").
   */
  public List<Toponym> find(AnnotatedDocument doc, @Nullable String url) {
    return Resolver.resolve(recogniser.mentions(doc), Outlet.of(url, gazetteer));
  }
}
