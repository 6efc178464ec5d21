package org.annals.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annals.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

/** The built-in gazetteer: GeoNames places, admin1 regions, countries, landmarks, keys. */
final class GazetteerTest {
  private static final Gazetteer G = Gazetteer.of(Lexicon.builtIn());

  private static GeoPlace first(String name, String precision) {
    return G.candidates(Gazetteer.key(name)).stream()
        .filter(p -> p.precision().equals(precision))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + precision + " named " + name));
  }

  @Test
  void citiesCarryGeoNamesIdsAdminRegionsAndPoints() {
    GeoPlace baghdad = first("Baghdad", "city");
    assertThat(baghdad.geonamesId()).isEqualTo(98182L);
    assertThat(baghdad.country()).isEqualTo("IRQ");
    assertThat(baghdad.admin1Name()).isEqualTo("Baghdad");
    assertThat(baghdad.featureCode()).isEqualTo("PPLC");
    assertThat(GeoPlace.km(baghdad.lat(), baghdad.lon(), 33.34, 44.40)).isLessThan(5);
  }

  @Test
  void districts_admin2Counties_carryIdsCodesAndAPointFromTheirPlaces() {
    GeoPlace somerset = first("Somerset", "district");
    assertThat(somerset.country()).isEqualTo("GBR");
    assertThat(somerset.geonamesId()).isEqualTo(2637532L);
    assertThat(somerset.admin2()).isEqualTo("GB.ENG.M3");
    assertThat(somerset.admin1Name()).isEqualTo("England");
    assertThat(somerset.featureCode()).isEqualTo("ADM2");
    assertThat(GeoPlace.km(somerset.lat(), somerset.lon(), 51.1, -3.0)).isLessThan(60);
    assertThat(first("Taunton", "city").admin2()).isEqualTo("GB.ENG.M3");
    assertThat(G.admin2("GB.ENG.M3")).isEqualTo(somerset);
    // Found by their full names only: "Pike County", never a bare "Pike".
    assertThat(first("Pike County", "district").country()).isEqualTo("USA");
    assertThat(G.candidates(Gazetteer.key("Pike")))
        .extracting(GeoPlace::precision)
        .doesNotContain("district");
  }

  @Test
  void alternateNamesAndAccentsFindThePlace() {
    assertThat(G.candidates(Gazetteer.key("Kiev"))).extracting(GeoPlace::country).contains("UKR");
    assertThat(G.candidates(Gazetteer.key("Krakow")))
        .anySatisfy(p -> assertThat(p.name()).isEqualTo("Kraków"));
    assertThat(Gazetteer.fold("Kraków")).isEqualTo("krakow");
  }

  @Test
  void acronymsMatchOnlyAsWritten() {
    assertThat(Gazetteer.key("US")).isEqualTo("=US");
    assertThat(G.candidates(Gazetteer.key("US")))
        .extracting(GeoPlace::country)
        .containsExactly("USA");
    // "Us" is a French village, never the USA.
    assertThat(G.candidates(Gazetteer.key("Us")))
        .extracting(GeoPlace::country)
        .doesNotContain("USA");
    // Western Sahara's "SADR" is not the name "Sadr".
    assertThat(G.candidates(Gazetteer.key("Sadr")))
        .extracting(GeoPlace::precision)
        .doesNotContain("country");
  }

  @Test
  void regionsCountriesDemonymsAndLandmarks() {
    GeoPlace texas = first("Texas", "region");
    assertThat(texas.country()).isEqualTo("USA");
    assertThat(texas.admin1()).isEqualTo("US.TX");
    assertThat(GeoPlace.km(texas.lat(), texas.lon(), 31.0, -99.5)).isLessThan(200);
    GeoPlace iraq = G.country("IRQ");
    assertThat(iraq).isNotNull();
    assertThat(GeoPlace.km(iraq.lat(), iraq.lon(), 33.0, 44.0)).isLessThan(200);
    assertThat(G.demonym(Gazetteer.key("Iraqi"))).isSameAs(iraq);
    GeoPlace zone = first("Green Zone", "site");
    assertThat(zone.city()).isEqualTo("Baghdad");
    assertThat(zone.admin1Name()).isEqualTo("Baghdad");
    assertThat(first("Africa", "continent").country()).isNull();
  }

  @Test
  void candidatesAreRankedCountryFirstThenByPopulation() {
    List<GeoPlace> georgia = G.candidates(Gazetteer.key("Georgia"));
    assertThat(georgia.get(0).precision()).isEqualTo("country");
    assertThat(georgia).extracting(GeoPlace::precision).contains("region");
    List<GeoPlace> paris =
        G.candidates(Gazetteer.key("Paris")).stream()
            .filter(p -> p.precision().equals("city"))
            .toList();
    assertThat(paris.get(0).country()).isEqualTo("FRA");
    assertThat(paris).extracting(GeoPlace::admin1Name).contains("Texas");
  }
}
