package org.annals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.annals.event.CodedEvent;
import org.annals.event.PlaceMention;
import org.annals.ingest.RawArticle;
import org.annals.pipeline.ArticleResult;
import org.annals.pipeline.Pipeline;
import org.annals.place.GeoPlace;
import org.junit.jupiter.api.Test;

/** Place mentions and event locations on short articles written for these tests. */
final class GeocodingTest {
  private static final LocalDate MONDAY = LocalDate.of(2022, 8, 29);
  private static final Pipeline PIPELINE = Runner.pipeline(null, false);

  private static ArticleResult run(String text) {
    return run(text, null);
  }

  private static ArticleResult run(String text, String url) {
    ArticleResult r = PIPELINE.process(new RawArticle("t", null, text, MONDAY, url, null, "test"));
    assertThat(r.problem()).isNull();
    return r;
  }

  private static PlaceMention mention(ArticleResult r, String text, int nth) {
    List<PlaceMention> of = r.places().stream().filter(p -> p.text().equals(text)).toList();
    assertThat(of).as("mentions of %s in %s", text, r.places()).hasSizeGreaterThan(nth);
    return of.get(nth);
  }

  private static double km(PlaceMention p, double lat, double lon) {
    assertThat(p.place().lat()).as("%s has coordinates", p).isNotNull();
    return GeoPlace.km(p.place().lat(), p.place().lon(), lat, lon);
  }

  private static double km(CodedEvent e, double lat, double lon) {
    assertThat(e.location().lat()).as("%s has coordinates", e.location()).isNotNull();
    return GeoPlace.km(e.location().lat(), e.location().lon(), lat, lon);
  }

  @Test
  void paris_isTheFrenchCapital_butParisTexasIsInTexas() {
    ArticleResult france =
        run(
            "Farmers blocked roads around Paris on Monday. French police"
                + " removed the tractors from the ring road.");
    assertThat(km(mention(france, "Paris", 0), 48.86, 2.35)).isLessThan(20);

    ArticleResult texas =
        run(
            "A tornado damaged homes in Paris, Texas, on Monday. The mayor of"
                + " Paris said the town would rebuild.");
    PlaceMention qualified = mention(texas, "Paris", 0);
    assertThat(km(qualified, 33.66, -95.56)).isLessThan(20);
    assertThat(qualified.place().country()).isEqualTo("USA");
    assertThat(qualified.place().admin1()).isEqualTo("Texas");
    // One sense per article: the second, unqualified Paris is the same town.
    assertThat(mention(texas, "Paris", 1).place().geonamesId())
        .isEqualTo(qualified.place().geonamesId());
    assertThat(mention(texas, "Texas", 0).place().precision()).isEqualTo("region");
  }

  @Test
  void districts_countyNamesAndQualifiedCounties_resolveToTheCounty() {
    ArticleResult england =
        run(
            "Flooding closed roads across Cumbria on Monday. Rescuers reached farms near"
                + " Keswick after the river burst its banks.");
    PlaceMention cumbria = mention(england, "Cumbria", 0);
    assertThat(cumbria.place().precision()).isEqualTo("district");
    assertThat(cumbria.place().country()).isEqualTo("GBR");
    assertThat(km(cumbria, 54.6, -2.9)).isLessThan(80);

    ArticleResult ohio =
        run("Deputies in Hamilton County, Ohio, arrested two men after a robbery on Monday.");
    PlaceMention hamilton = mention(ohio, "Hamilton County", 0);
    assertThat(hamilton.place().precision()).isEqualTo("district");
    assertThat(hamilton.place().admin1()).isEqualTo("Ohio");
    assertThat(km(hamilton, 39.2, -84.5)).isLessThan(60);
  }

  @Test
  void alternateName_ofAFamousCity_losesToThatCity() {
    ArticleResult r =
        run("Protesters marched through Philadelphia on Monday, and police closed two bridges.");
    PlaceMention philadelphia = mention(r, "Philadelphia", 0);
    assertThat(philadelphia.place().country()).isEqualTo("USA"); // not Amman's old name
    assertThat(km(philadelphia, 39.95, -75.17)).isLessThan(30);

    ArticleResult oregon = run("The Oregon legislature met in Salem on Monday to pass a budget.");
    PlaceMention salem = mention(oregon, "Salem", 0);
    assertThat(salem.place().country()).isEqualTo("USA"); // not Jerusalem
    assertThat(salem.place().admin1()).isEqualTo("Oregon");
  }

  @Test
  void alternateName_losesToThePlaceOfThatName_inTheCountryTheArticleSpeaksOf() {
    ArticleResult england =
        run(
            "French engineers visited Salisbury on Monday to study the old"
                + " cathedral's spire, British officials said.");
    PlaceMention salisbury = mention(england, "Salisbury", 0);
    assertThat(salisbury.place().country()).isEqualTo("GBR"); // not Harare's old name
    assertThat(km(salisbury, 51.07, -1.79)).isLessThan(30);

    ArticleResult talks = run("Delegates met in Geneva on Monday for a new round of talks.");
    // no country in sight: the Swiss city (GeoNames calls it Genève), not the town in Illinois
    assertThat(mention(talks, "Geneva", 0).place().country()).isEqualTo("CHE");
  }

  @Test
  void datelines_stateAbbreviationsAndShortCapitalNames_areRead() {
    ArticleResult talks = run("ROME (AP) — Talks on grain exports resumed on Monday.");
    PlaceMention rome = mention(talks, "ROME", 0); // a name in capitals, not a code like "UN"
    assertThat(rome.place().country()).isEqualTo("ITA");

    ArticleResult r =
        run(
            "Officers from Laurel, Md., joined the search near the river. Senators in Washington"
                + " voted on the bill.");
    PlaceMention md = mention(r, "Md.", 0);
    assertThat(md.place().name()).isEqualTo("Maryland");
    // the abbreviation qualifies the town before it: Laurel, Maryland, not Mississippi's
    assertThat(km(mention(r, "Laurel", 0), 39.10, -76.85)).isLessThan(30);
    // "Washington" is the capital GeoNames calls "Washington, D.C.", not the state
    assertThat(km(mention(r, "Washington", 0), 38.90, -77.04)).isLessThan(30);

    // a list of states, but "D.C." says which Washington; the dateline names the city too
    ArticleResult dc =
        run(
            "WASHINGTON (AP) — Lottery tickets went on sale in Ohio, Texas and Washington, D.C.,"
                + " on Monday.");
    assertThat(dc.places())
        .filteredOn(p -> p.text().equalsIgnoreCase("Washington"))
        .hasSize(2)
        .allSatisfy(p -> assertThat(km(p, 38.90, -77.04)).isLessThan(30));

    ArticleResult listed = run("Lottery tickets are sold in Ohio, Texas and Washington, D.C.");
    assertThat(km(mention(listed, "Washington", 0), 38.90, -77.04)).isLessThan(30);

    ArticleResult nelson = run("A sawmill in Nelson, B.C., closed on Monday."); // not NZ's Nelson
    assertThat(mention(nelson, "Nelson", 0).place().country()).isEqualTo("CAN");

    ArticleResult plain = run("Residents of Laurel said the river rose, Md. Jones told us.");
    assertThat(plain.places()).noneMatch(p -> p.text().equals("Md.")); // only after a name
  }

  @Test
  void hyphenatedWords_joinTheNamesAroundThem_andTownsDoNotTakeAMetropolisName() {
    ArticleResult r =
        run(
            "Officials in Texas and Florida met on Monday. The Los Angeles-based group sent a"
                + " team to the DPRK-South Korea talks.");
    // "Los Angeles-based": Los Angeles, not Angeles City in the Philippines
    assertThat(km(mention(r, "Los Angeles", 0), 34.05, -118.24)).isLessThan(30);
    assertThat(mention(r, "South Korea", 0).place().country()).isEqualTo("KOR");

    // US evidence alone does not make it London, Ohio or Kentucky: neither state is named
    ArticleResult london =
        run(
            "Police in Houston, Dallas and Miami said on Monday that a man who lives in London"
                + " was arrested in Texas. Officials in Florida and Georgia agreed.");
    assertThat(mention(london, "London", 0).place().country()).isEqualTo("GBR");

    ArticleResult kentucky = run("Floods hit London, Kentucky, on Monday night.");
    assertThat(mention(kentucky, "London", 0).place().country()).isEqualTo("USA");

    ArticleResult gulf = run("Two tankers were seized in the Gulf on Monday.");
    assertThat(mention(gulf, "Gulf", 0).place().name()).isEqualTo("Persian Gulf");
  }

  @Test
  void sentenceOpeningWords_andOceans_doNotHidePlaces() {
    ArticleResult r =
        run(
            "Although Germany’s ministers agreed, the talks stalled on Monday. \"The United States"
                + " will not sign,\" she said. Storms crossed the Atlantic from Iowa and"
                + " Nebraska. Fans packed the Leeds Centre.");
    // "Although Germany" and "The United States" after a quote are not a first name and a surname
    assertThat(mention(r, "Germany", 0).place().country()).isEqualTo("DEU");
    assertThat(mention(r, "United States", 0).place().country()).isEqualTo("USA");
    // the ocean, not the town of Atlantic in Iowa, though the article speaks of Iowa
    assertThat(mention(r, "Atlantic", 0).place().name()).isEqualTo("Atlantic Ocean");
    // "Centre" closing a venue's name is not Cameroon's Centre region
    assertThat(r.places()).noneMatch(p -> p.text().equals("Centre"));

    // the country a title or an organisation is of; "US" is a code, not the word "us"
    ArticleResult titles =
        run("U.S. President Ann Lee met a UK Minister. The US Federal Reserve raised rates.");
    assertThat(titles.places())
        .extracting(p -> p.text() + "=" + p.place().country())
        .containsExactly("U.S.=USA", "UK=GBR", "US=USA");
    assertThat(mention(titles, "US", 0).use()).isEqualTo("modifier"); // never an event's place
  }

  @Test
  void qualifier_namingACounty_picksTheTownInThatCountyAndCountry() {
    ArticleResult r = run("Floods cut off homes in Wellington, Somerset, on Monday night.");
    PlaceMention wellington = mention(r, "Wellington", 0);
    // Not New Zealand's capital: cities500 holds no Wellington in Somerset, so it is placed in
    // the county the qualifier names.
    assertThat(wellington.place().country()).isEqualTo("GBR");
    assertThat(km(wellington, 50.98, -3.23)).isLessThan(60);
    assertThat(mention(r, "Somerset", 0).place().precision()).isEqualTo("district");

    // GeoNames calls it "Province of Laguna"; news says "Laguna" (not the town in Brazil)
    ArticleResult laguna = run("Floods cut off homes in Calamba, Laguna, on Monday night.");
    assertThat(mention(laguna, "Laguna", 0).place().country()).isEqualTo("PHL");
    assertThat(mention(laguna, "Calamba", 0).place().country()).isEqualTo("PHL");

    ArticleResult surrey = run("Police in Surrey, UK, arrested a man after a burglary on Monday.");
    assertThat(mention(surrey, "Surrey", 0).place().country()).isEqualTo("GBR"); // not BC
  }

  @Test
  void weakNames_calendarTermsAndCommonWords_needEvidence() {
    ArticleResult ramadan =
        run("Families in Riyadh broke the fast at sunset on Monday as Ramadan began.");
    assertThat(ramadan.places()).extracting(PlaceMention::text).doesNotContain("Ramadan");

    ArticleResult commerce =
        run("Traders told the Chamber of Commerce in Leeds on Monday that rents had doubled.");
    assertThat(commerce.places())
        .extracting(PlaceMention::text)
        .doesNotContain("Chamber", "Commerce")
        .contains("Leeds");
  }

  @Test
  void regionWords_possessivesAndQualifiers_pickTheRightKindOfPlace() {
    ArticleResult r =
        run(
            "Gunmen attacked a checkpoint in Iraq's Basra province on Monday."
                + " Protesters gathered in the capital of Baghdad. Talks were held in Kiev, Ukraine.");
    PlaceMention basra = mention(r, "Basra", 0);
    assertThat(basra.place().precision()).isEqualTo("region"); // "province": not the city
    assertThat(basra.place().country()).isEqualTo("IRQ");
    PlaceMention baghdad = mention(r, "Baghdad", 0);
    assertThat(baghdad.place().precision()).isEqualTo("city"); // alone: not the governorate
    PlaceMention kiev = mention(r, "Kiev", 0);
    assertThat(kiev.place().name()).isEqualTo("Kyiv"); // an alternate name, qualified
    assertThat(kiev.place().country()).isEqualTo("UKR");
    CodedEvent attack =
        r.events().stream()
            .filter(e -> e.plover().type().equals("ASSAULT") || e.plover().type().equals("FIGHT"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no attack in " + r.events()));
    assertThat(attack.location().name()).isEqualTo("Basra");
    assertThat(attack.location().precision()).isEqualTo("region");
  }

  @Test
  void countryNameThatIsAlsoAState_isTheStateOfTheArticlesTowns_andNoMainCountry() {
    ArticleResult r =
        run(
            "Prosecutors in Atlanta said on Monday that Georgia would seek a new trial. Lawmakers in"
                + " Georgia have debated the death penalty for years. Rioters attacked a police"
                + " station on Monday, officials said.");
    PlaceMention georgia = mention(r, "Georgia", 0);
    assertThat(georgia.place().country()).isEqualTo("USA"); // the state that holds Atlanta
    assertThat(georgia.place().precision()).isEqualTo("region");
    assertThat(mention(r, "Georgia", 1).place().country()).isEqualTo("USA");
    CodedEvent riot =
        r.events().stream()
            .filter(e -> e.plover().type().equals("PROTEST") || e.plover().type().equals("ASSAULT"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no riot in " + r.events()));
    // the article's main country is the one its "Georgia" was resolved to, not the Caucasus
    assertThat(riot.location().country()).isEqualTo("USA");

    ArticleResult caucasus =
        run("Georgia's prime minister met protesters in Tbilisi on Monday, a day after Russia's.");
    assertThat(mention(caucasus, "Georgia", 0).place().country()).isEqualTo("GEO");
  }

  @Test
  void demonyms_nameTheirCountry_butDoNotLocateEvents() {
    ArticleResult r = run("Ukrainian troops shelled Russian positions near Bakhmut on Monday.");
    PlaceMention ukrainian = mention(r, "Ukrainian", 0);
    assertThat(ukrainian.use()).isEqualTo("demonym");
    assertThat(ukrainian.place().country()).isEqualTo("UKR");
    assertThat(ukrainian.place().precision()).isEqualTo("country");
    assertThat(mention(r, "Russian", 0).place().country()).isEqualTo("RUS");
    CodedEvent e = r.events().get(0);
    assertThat(e.location().name()).isEqualTo("Bakhmut");
    assertThat(e.location().precision()).isEqualTo("city");
    assertThat(e.location().geonamesId()).isNotNull();
    assertThat(km(e, 48.59, 38.00)).isLessThan(25);
  }

  @Test
  void landmark_placesTheEventAtTheSite() {
    ArticleResult r =
        run(
            "Protesters stormed the Green Zone in Baghdad on Monday, breaking"
                + " through the concrete barriers.");
    PlaceMention zone = mention(r, "Green Zone", 0);
    assertThat(zone.place().precision()).isEqualTo("site");
    assertThat(zone.place().country()).isEqualTo("IRQ");
    assertThat(zone.place().admin1()).isEqualTo("Baghdad");
    CodedEvent e =
        r.events().stream()
            .filter(x -> x.plover().type().equals("PROTEST"))
            .findFirst()
            .orElseThrow();
    assertThat(e.location().name()).isEqualTo("Green Zone");
    assertThat(e.location().precision()).isEqualTo("site");
    assertThat(km(e, 33.31, 44.37)).isLessThan(25); // Baghdad's centre
  }

  @Test
  void nationwideMeasure_isPlacedAtCountryLevel() {
    ArticleResult r =
        run(
            "Iraq's army announced a nationwide curfew on Monday after clashes in"
                + " Baghdad. The curfew covers all of Iraq.");
    CodedEvent curfew =
        r.events().stream()
            .filter(e -> "curfew".equals(e.plover().mode()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no curfew in " + r.events()));
    assertThat(curfew.location().precision()).isEqualTo("country");
    assertThat(curfew.location().country()).isEqualTo("IRQ");
    assertThat(curfew.location().name()).isEqualTo("Iraq");
    assertThat(curfew.location().lat()).isNotNull();
  }

  @Test
  void theWordNational_doesNotOutrankAPlaceTheClauseNames() {
    ArticleResult r =
        run(
            "Kenyan police arrested three national team fans in Nairobi on Monday."
                + " Kenya's football federation complained.");
    CodedEvent arrest =
        r.events().stream()
            .filter(e -> e.plover().type().equals("COERCE"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no arrest in " + r.events()));
    assertThat(arrest.location().name()).isEqualTo("Nairobi");
    assertThat(arrest.location().precision()).isEqualTo("city");
  }

  @Test
  void placeNamedAsActor_isMarkedAndNeverLocatesTheEvent() {
    ArticleResult r =
        run(
            "Washington said on Monday it would impose sanctions on Iran. Protesters"
                + " gathered in Tehran.");
    PlaceMention washington = mention(r, "Washington", 0);
    assertThat(washington.use()).isEqualTo("actor");
    for (CodedEvent e : r.events()) {
      assertThat(e.location().name())
          .as("location of %s", e.plover().type())
          .isNotEqualTo("Washington");
    }
    assertThat(mention(r, "Tehran", 0).use()).isEqualTo("place");
  }

  @Test
  void aSurnameNamedOnce_isAPersonForTheWholeArticle_andLandmarksBeatAlternateNames() {
    ArticleResult r =
        run(
            "Boris Johnson visited the troops on Monday. Later, Johnson told"
                + " reporters that the White House had called.");
    assertThat(r.places()).extracting(PlaceMention::text).doesNotContain("Johnson");
    // ...but a surname does not unmake a major city: "Jack London" and London.
    ArticleResult london =
        run(
            "The novelist Jack London was born in San Francisco. Crowds"
                + " marched through London on Monday.");
    assertThat(mention(london, "London", 0).place().country()).isEqualTo("GBR");
    PlaceMention house = mention(r, "White House", 0);
    // Not Casablanca, whose alternate name it is.
    assertThat(house.place().precision()).isEqualTo("site");
    assertThat(house.place().country()).isEqualTo("USA");
  }

  @Test
  void placesInsideHyphenatedWords_areModifiersOrDemonyms_neverTheEventsPlace() {
    ArticleResult r =
        run(
            "Turkish-backed fighters shelled the town of Manbij on Monday, a"
                + " London-based monitor said.");
    PlaceMention london = mention(r, "London", 0);
    assertThat(london.use()).isEqualTo("modifier");
    assertThat(london.place().country()).isEqualTo("GBR");
    assertThat(r.places().get(0).text()).isEqualTo("Turkish"); // offsets inside the word
    assertThat(r.places().get(0).start()).isZero();
    assertThat(r.places().get(0).end()).isEqualTo(7);
    assertThat(mention(r, "Turkish", 0).use()).isEqualTo("demonym");
    for (CodedEvent e : r.events()) {
      assertThat(e.location().country())
          .as("location of %s", e.plover().type())
          .isNotEqualTo("GBR");
    }
  }

  @Test
  void partsOfNamesAndCommonWords_areNotPlaces() {
    ArticleResult r =
        run(
            "Police arrested a fan of Manchester United after the match. The"
                + " University of Texas closed its campus. Mr Jackson spoke to reporters in Mobile,"
                + " Alabama.");
    List<String> texts = r.places().stream().map(PlaceMention::text).toList();
    assertThat(texts).doesNotContain("Police", "Jackson");
    // Places inside names are kept as modifiers, never as the place of the sentence.
    assertThat(mention(r, "Manchester", 0).use()).isEqualTo("modifier");
    assertThat(mention(r, "Texas", 0).use()).isEqualTo("modifier");
    assertThat(km(mention(r, "Mobile", 0), 30.69, -88.04)).isLessThan(20);
  }

  @Test
  void placesInsideOrganisationNames_areModifiers_neverTheEventsPlace() {
    ArticleResult r =
        run(
            "Officers of the Toronto Police Service questioned a driver on Monday after a crash"
                + " outside the University of Manitoba.");
    PlaceMention toronto = mention(r, "Toronto", 0);
    assertThat(toronto.use()).isEqualTo("modifier");
    assertThat(km(toronto, 43.70, -79.42)).isLessThan(30);
    PlaceMention manitoba = mention(r, "Manitoba", 0);
    assertThat(manitoba.use()).isEqualTo("modifier");
    assertThat(manitoba.place().precision()).isEqualTo("region");
    for (CodedEvent e : r.events()) {
      assertThat(e.location().admin1()).as("location of %s", e.plover().type()).isNull();
    }
  }

  @Test
  void outlet_countryDomainAndHostRegion_areTheArticlesEvidence() {
    String nelson = "Police closed a street in Nelson on Monday after a fire in a bakery.";
    assertThat(mention(run(nelson, "https://www.example.co.uk/news/1"), "Nelson", 0).place())
        .extracting(p -> p.country())
        .isEqualTo("GBR");
    assertThat(mention(run(nelson, "https://www.example.co.nz/news/1"), "Nelson", 0).place())
        .extracting(p -> p.country())
        .isEqualTo("NZL");

    String shop = "A fire destroyed a shop in Launceston on Monday, and firefighters stayed late.";
    assertThat(mention(run(shop), "Launceston", 0).place().country()).isEqualTo("AUS");
    PlaceMention cornish = mention(run(shop, "https://www.cornwallnews.com/fire"), "Launceston", 0);
    assertThat(cornish.place().country()).isEqualTo("GBR"); // the outlet's county, Cornwall
    assertThat(km(cornish, 50.64, -4.36)).isLessThan(20);
  }

  @Test
  void europeanUnion_isAPlace_atEuropesPoint() {
    ArticleResult r = run("EU ministers met on Monday to discuss fishing quotas.");
    PlaceMention eu = mention(r, "EU", 0);
    assertThat(eu.place().precision()).isEqualTo("continent");
    assertThat(km(eu, 48.69, 9.14)).isLessThan(50);
  }

  @Test
  void countries_takeGeoNamesOwnPointAndId() {
    ArticleResult r = run("Japan and Canada signed a fisheries accord on Monday.");
    PlaceMention japan = mention(r, "Japan", 0);
    assertThat(japan.place().precision()).isEqualTo("country");
    assertThat(japan.place().geonamesId()).isEqualTo(1861060L);
    assertThat(km(japan, 35.69, 139.75)).isLessThan(5); // GeoNames puts Japan at Tokyo
    assertThat(mention(r, "Canada", 0).place().geonamesId()).isEqualTo(6251999L);
  }

  @Test
  void demonymsOfTheNationsOfTheUnitedKingdom_nameTheNation() {
    ArticleResult r = run("An English court and a Scottish court ruled on Monday.");
    PlaceMention english = mention(r, "English", 0);
    assertThat(english.place().precision()).isEqualTo("region");
    assertThat(english.place().admin1()).isEqualTo("England");
    assertThat(english.place().country()).isEqualTo("GBR");
    assertThat(mention(r, "Scottish", 0).place().admin1()).isEqualTo("Scotland");
    // "British" stays the country
    PlaceMention british = mention(run("British ministers met on Monday."), "British", 0);
    assertThat(british.place().precision()).isEqualTo("country");
  }

  @Test
  void hyphenatedCountyName_withoutCounty_isTheCounty() {
    ArticleResult r =
        run("Police in southwest Miami-Dade said on Monday that a school bus had crashed.");
    PlaceMention county = mention(r, "Miami-Dade", 0);
    assertThat(county.place().precision()).isEqualTo("district");
    assertThat(county.place().country()).isEqualTo("USA");
    assertThat(county.place().admin1()).isEqualTo("Florida");
    assertThat(r.places()).noneMatch(p -> p.text().equals("Dade")); // not a town in China
  }

  @Test
  void stateNameBeforeState_isAUniversityTeam_thatSaysNothingOfTheTowns() {
    ArticleResult r =
        run("Mississippi State beat Louisville 71-60 on Friday. Louisville led at the half.");
    PlaceMention town = mention(r, "Louisville", 0);
    assertThat(town.place().admin1()).isEqualTo("Kentucky"); // not Louisville, Mississippi
    assertThat(mention(r, "Mississippi", 0).use()).isEqualTo("modifier");
    // the state itself, written with "State" to tell it from its city, and a state's agency
    ArticleResult state = run("Floods closed roads across New York State on Monday.");
    assertThat(mention(state, "New York", 0).place().precision()).isEqualTo("region");
    ArticleResult police = run("Michigan State Police closed a highway on Monday.");
    assertThat(mention(police, "Michigan", 0).use()).isNotEqualTo("modifier");
  }

  @Test
  void britishColumbiasAbbreviation_standingAlone_isTheProvince_butNotAfterAYear() {
    ArticleResult r =
        run("The B.C. government opened an office in Nelson on Monday, the minister said.");
    PlaceMention bc = mention(r, "B.C.", 0);
    assertThat(bc.place().admin1()).isEqualTo("British Columbia");
    assertThat(mention(r, "Nelson", 0).place().country()).isEqualTo("CAN");
    ArticleResult year = run("The temple was built in 300 BC near Athens, Greece.");
    assertThat(year.places()).noneMatch(p -> p.text().equals("BC"));
  }

  @Test
  void regionNamedByItsAbbreviation_isTheRegionWhenNamedInFull() {
    ArticleResult r =
        run(
            "CAMP MURRAY, Wash. - The team trains here. Its work is at home in Washington,"
                + " where floods cut roads on Monday.");
    PlaceMention state = mention(r, "Washington", 0);
    assertThat(state.place().precision()).isEqualTo("region");
    assertThat(state.place().admin1()).isEqualTo("Washington");
  }
}
