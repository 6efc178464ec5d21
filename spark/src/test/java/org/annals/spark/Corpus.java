package org.annals.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A generated news corpus, written for these tests (no real news text): happenings in a dozen
 * cities over half a year, each told by one to three outlets in their own words, with the things a
 * crawl holds: near-duplicates (a wire story reprinted with a line added), exact duplicates (the
 * same text under another id, the same address with another text, a reused id), a broken line, an
 * empty article and a bad date. Written as two JSON Lines files and one gzipped WARC of HTML pages.
 */
final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record City(String name, String country) {}

  private static final List<City> CITIES =
      List.of(
          new City("Nairobi", "Kenya"),
          new City("Mombasa", "Kenya"),
          new City("Lagos", "Nigeria"),
          new City("Kano", "Nigeria"),
          new City("Dhaka", "Bangladesh"),
          new City("Lahore", "Pakistan"),
          new City("Karachi", "Pakistan"),
          new City("Lima", "Peru"),
          new City("Bogota", "Colombia"),
          new City("Manila", "the Philippines"),
          new City("Accra", "Ghana"),
          new City("Kampala", "Uganda"));

  private static final List<String> OUTLETS =
      List.of("Harbour Times", "Daily Ledger", "Evening Courier", "Plains Gazette");

  private static final List<String> GROUPS = List.of("students", "farmers", "teachers", "nurses");
  private static final List<String> DEMANDS =
      List.of("higher wages", "lower fuel prices", "the release of detained activists");
  private static final List<String> FILLER =
      List.of(
          "Residents said the streets were quiet by evening.",
          "Officials said an inquiry would follow.",
          "Shops in the centre stayed closed for most of the day.",
          "Local radio carried reports from the scene throughout the afternoon.",
          "A spokesman declined to comment further.");

  /** One article as written: what a JSON Lines record or a page carries. */
  record Item(String id, String url, String outlet, String title, String text, String published) {}

  private final Random random = new Random(20240625L);
  final List<Item> jsonlA = new ArrayList<>();
  final List<Item> jsonlB = new ArrayList<>();
  final List<Item> warc = new ArrayList<>();

  /** Writes the corpus of {@code happenings} into {@code dir}; returns the directory. */
  static Path write(Path dir, int happenings) {
    Corpus c = new Corpus();
    c.generate(happenings);
    try {
      Files.createDirectories(dir);
      c.jsonl(dir.resolve("a.jsonl"), c.jsonlA, true);
      c.jsonl(dir.resolve("b.jsonl"), c.jsonlB, false);
      c.warc(dir.resolve("c.warc.gz"), c.warc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private void generate(int happenings) {
    int n = 0;
    List<Item> all = new ArrayList<>();
    for (int h = 0; h < happenings; h++) {
      City city = CITIES.get(random.nextInt(CITIES.size()));
      City other = CITIES.get(random.nextInt(CITIES.size()));
      LocalDate day = LocalDate.of(2024, 1, 3).plusDays(random.nextInt(175));
      int kind = random.nextInt(5);
      int people = 2 + random.nextInt(30);
      String group = GROUPS.get(random.nextInt(GROUPS.size()));
      String demand = DEMANDS.get(random.nextInt(DEMANDS.size()));
      int tellers = 1 + random.nextInt(3);
      for (int t = 0; t < tellers; t++) {
        String outlet = OUTLETS.get((h + t) % OUTLETS.size());
        boolean nextDay = random.nextBoolean();
        LocalDate published = nextDay ? day.plusDays(1) : day;
        String when =
            nextDay
                ? "on " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                : "on "
                    + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " "
                    + day.getDayOfMonth();
        String lead = lead(kind, t, city, other, when, people, group, demand);
        StringBuilder text = new StringBuilder(lead);
        int fillers = 1 + random.nextInt(2);
        for (int f = 0; f < fillers; f++) {
          text.append(' ').append(FILLER.get(random.nextInt(FILLER.size())));
        }
        String id = "gen-" + (n++);
        String slug = outlet.toLowerCase(Locale.ROOT).replace(' ', '-');
        all.add(
            new Item(
                id,
                "https://" + slug + ".example/news/" + id + "?ref=feed",
                outlet,
                title(kind, city),
                text.toString(),
                published.toString()));
      }
    }
    // a wire story reprinted elsewhere with a line added: near-duplicates, another id and address
    List<Item> reprints = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 9) {
      Item a = all.get(i);
      String id = "reprint-" + i;
      reprints.add(
          new Item(
              id,
              "https://wire-digest.example/" + id,
              "Wire Digest",
              a.title(),
              a.text() + " This report was first published by " + a.outlet() + ".",
              a.published()));
    }
    all.addAll(reprints);
    // spread over the three files, in generated order within each
    for (int i = 0; i < all.size(); i++) {
      switch (i % 3) {
        case 0 -> jsonlA.add(all.get(i));
        case 1 -> jsonlB.add(all.get(i));
        default -> warc.add(all.get(i));
      }
    }
    // exact duplicates, each after what it repeats: same text, new id; same address, new text;
    // a reused id with another text; the same record again
    for (int i = 0; i < 4; i++) {
      Item a = jsonlA.get(i * 5);
      jsonlB.add(
          new Item(
              "copy-" + i,
              "https://copies.example/" + i,
              "Copies",
              a.title(),
              a.text(),
              a.published()));
    }
    for (int i = 0; i < 3; i++) {
      Item a = jsonlA.get(1 + i * 4);
      jsonlB.add(
          new Item(
              "moved-" + i,
              a.url(),
              a.outlet(),
              a.title(),
              "Police arrested " + (3 + i) + " men in Nairobi on Friday after a night of looting.",
              a.published()));
    }
    Item reused = jsonlA.get(2);
    jsonlB.add(
        new Item(
            reused.id(),
            "https://other.example/reused",
            "Other",
            "Other story",
            "Farmers blocked a highway near Kano on Monday to protest against new taxes.",
            reused.published()));
    jsonlB.add(jsonlA.get(3));
  }

  private static String lead(
      int kind,
      int teller,
      City city,
      City other,
      String when,
      int people,
      String group,
      String demand) {
    boolean first = teller % 2 == 0;
    return switch (kind) {
      case 0 ->
          first
              ? "Thousands of "
                  + group
                  + " marched through "
                  + city.name()
                  + " "
                  + when
                  + ", demanding "
                  + demand
                  + "."
              : "Hundreds of "
                  + group
                  + " protested in the streets of "
                  + city.name()
                  + " "
                  + when
                  + " to demand "
                  + demand
                  + ".";
      case 1 ->
          first
              ? "Gunmen attacked a market in "
                  + city.name()
                  + " "
                  + when
                  + ", killing "
                  + people
                  + " people."
              : people
                  + " people were killed when gunmen opened fire at a market in "
                  + city.name()
                  + " "
                  + when
                  + ".";
      case 2 ->
          first
              ? "Police fired tear gas at demonstrators in " + city.name() + " " + when + "."
              : "Riot police used tear gas to disperse protesters in "
                  + city.name()
                  + " "
                  + when
                  + ".";
      case 3 ->
          first
              ? "The president of "
                  + city.country()
                  + " met the foreign minister of "
                  + other.country()
                  + " in "
                  + city.name()
                  + " "
                  + when
                  + " to discuss trade."
              : "Leaders of "
                  + city.country()
                  + " and "
                  + other.country()
                  + " held talks in "
                  + city.name()
                  + " "
                  + when
                  + ".";
      default ->
          first
              ? "Police arrested "
                  + people
                  + " opposition activists in "
                  + city.name()
                  + " "
                  + when
                  + "."
              : people
                  + " opposition activists were detained by police in "
                  + city.name()
                  + " "
                  + when
                  + ".";
    };
  }

  private static String title(int kind, City city) {
    return switch (kind) {
      case 0 -> "Marchers fill " + city.name();
      case 1 -> "Market attack in " + city.name();
      case 2 -> "Tear gas in " + city.name();
      case 3 -> "Talks in " + city.name();
      default -> "Arrests in " + city.name();
    };
  }

  private void jsonl(Path file, List<Item> items, boolean withFaults) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item a = items.get(i);
      ObjectNode o = JSON.createObjectNode();
      o.put("id", a.id());
      o.put("title", a.title());
      o.put("text", a.text());
      o.put("url", a.url());
      o.put("source", a.outlet());
      // one in ten gives no date: the job's --published (as ingest's) dates it
      if (i % 10 != 7) {
        o.put("published", a.published());
      }
      lines.add(JSON.writeValueAsString(o));
      if (withFaults && i == 10) {
        lines.add("{\"id\": \"broken\", \"text\": \"a line cut short");
        lines.add("{\"id\": \"empty\", \"text\": \"  \"}");
        lines.add(
            "{\"id\": \"bad-date\", \"published\": \"the 5th\", \"text\": \"Students marched"
                + " through Accra on Monday, demanding lower fees.\"}");
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private void warc(Path file, List<Item> items) throws IOException {
    try (var out =
            Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        var writer = new WarcWriter(out, WarcCompression.GZIP)) {
      for (Item a : items) {
        StringBuilder body = new StringBuilder();
        for (String sentence : a.text().split("(?<=\\.) ")) {
          body.append("<p>").append(sentence).append("</p>");
        }
        String html =
            "<html><head><title>"
                + a.title()
                + " | "
                + a.outlet()
                + "</title><meta property=\"og:site_name\" content=\""
                + a.outlet()
                + "\"><meta property=\"article:published_time\" content=\""
                + a.published()
                + "T08:00:00Z\"><link rel=\"canonical\" href=\""
                + a.url()
                + "\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>"
                + a.title()
                + "</h1>"
                + body
                + "</article><footer>All rights reserved</footer></body></html>";
        writer.write(
            new WarcResponse.Builder(URI.create(a.url()))
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .body(MediaType.HTML_UTF8, html.getBytes(StandardCharsets.UTF_8))
                        .build())
                .build());
      }
    }
  }
}
