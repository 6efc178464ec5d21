package org.annals.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.annals.EventDataException;
import org.annals.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * Reads the labelled sets the classifier is trained on, turning each set's labels into label sets
 * for the three heads: PLOVER GSR and Zero-Shot-PLOVER (types; ZSP's older names stand for the
 * current types they cover), CASE 2021 (ACLED sub-events; natural and man-made disasters are no
 * event), IndiaPoliceEvents sentences (arrests; police force), the project's own sentences, and
 * sentences of the BBC corpus's sport, entertainment and technology articles as examples of no
 * political event. A head's labels that follow from another's come from {@link Compat}: an ACLED
 * air strike may be PLOVER FIGHT or ASSAULT, a PLOVER CONSULT has no ACLED sub-event.
 */
public final class TrainingSets {
  /** One file read, for the model card. */
  public record DataSet(String name, String file, String sha256, int records) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BBC_EVERY = 23;

  private final Compat compat;
  private final List<LabelledRecord> records = new ArrayList<>();
  private final List<DataSet> sets = new ArrayList<>();

  public TrainingSets(Compat compat) {
    this.compat = compat;
  }

  /**
   * Reads every set present under {@code evalDir} (the development sets), {@code corpora} (the BBC
   * corpus, may be null) and {@code own} (the project's sentences, may be null).
   */
  public static TrainingSets read(
      Compat compat, Path evalDir, @Nullable Path corpora, @Nullable Path own) {
    TrainingSets t = new TrainingSets(compat);
    t.gsr(evalDir.resolve("plover-gsr-dev.jsonl"));
    t.zsp(evalDir.resolve("plover-zsp-dev.jsonl"));
    t.case2021(evalDir.resolve("case2021-dev.tsv"));
    t.india(evalDir.resolve("india-police-dev/sents.jsonl"));
    if (own != null) {
      t.own(own);
    }
    if (corpora != null && Files.isRegularFile(corpora.resolve("bbc-2225.jsonl"))) {
      t.bbc(corpora.resolve("bbc-2225.jsonl"));
    }
    if (t.records.isEmpty()) {
      throw new EventDataException(
          "no labelled set found under " + evalDir + "; point --eval-dir at ../shared/eval");
    }
    return t;
  }

  public List<LabelledRecord> records() {
    return List.copyOf(records);
  }

  public List<DataSet> sets() {
    return List.copyOf(sets);
  }

  /** PLOVER gold standard records: exact PLOVER types. */
  void gsr(Path file) {
    int n = 0;
    for (String line : lines(file)) {
      JsonNode r = json(file, line);
      String type = r.path("event").asText("");
      if (!Labels.PLOVER.contains(type) || type.equals(Labels.NONE)) {
        continue;
      }
      add(r.path("id").asText(), "plover-gsr", r.path("text").asText(), Set.of(type), null);
      n++;
    }
    done("PLOVER GSR dev", file, n);
  }

  /**
   * Zero-Shot-PLOVER: YIELD = CONCEDE or RETREAT, ACCUSE = DISAPPROVE or INVESTIGATE, ASSAULT
   * includes FIGHT.
   */
  void zsp(Path file) {
    int n = 0;
    for (String line : lines(file)) {
      JsonNode r = json(file, line);
      String name = r.path("event").asText("");
      Set<String> types = Labels.ZSP_NAMES.getOrDefault(name, Set.of(name));
      if (!Labels.PLOVER.containsAll(types)) {
        continue;
      }
      add(r.path("id").asText(), "plover-zsp", r.path("text").asText(), types, null);
      n++;
    }
    done("Zero-Shot-PLOVER dev", file, n);
  }

  /** CASE 2021 snippets: ACLED sub-events (and the five types outside ACLED). */
  void case2021(Path file) {
    int n = 0;
    for (String line : lines(file)) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 3 || cols[0].equals("id")) {
        continue;
      }
      String code = cols[2].strip();
      if (!Labels.ACLED.contains(code)) {
        continue;
      }
      add("case-" + cols[0], "case2021", cols[1], null, Set.of(code));
      n++;
    }
    done("CASE 2021 dev", file, n);
  }

  /** IndiaPoliceEvents sentences: police arrests, and police force or killing. */
  void india(Path file) {
    int n = 0;
    for (String line : lines(file)) {
      JsonNode r = json(file, line);
      Set<String> labels = new TreeSet<>();
      r.path("sent_labels").forEach(l -> labels.add(l.asText()));
      String id = "ipe-" + r.path("doc_id").asText() + "-" + r.path("sent_id").asText();
      String text = r.path("sent_text").asText().strip();
      if (labels.contains("ARREST")) {
        add(id, "india-police", text, Set.of("COERCE"), Set.of("ARREST"));
      } else if (labels.contains("FORCE") || labels.contains("KILL")) {
        add(id, "india-police", text, Set.of("COERCE", "ASSAULT", "FIGHT"), null);
      } else {
        continue;
      }
      n++;
    }
    done("IndiaPoliceEvents dev sentences (ARREST, FORCE, KILL)", file, n);
  }

  /** The project's own sentences: {@code id, plover, acled, text} (model/training/README.md). */
  void own(Path file) {
    int n = 0;
    int lineNo = 0;
    for (String line : lines(file)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 4) {
        throw new EventDataException(
            String.format(
                Locale.ROOT,
                "%s:%d: expected 4 TAB-separated columns (id, plover, acled," + " text), found %d",
                file,
                lineNo,
                c.length));
      }
      String plover = c[1].strip();
      String acled = c[2].strip();
      if (!Labels.PLOVER.contains(plover)
          || (!acled.equals("-") && !Labels.ACLED.contains(acled))) {
        throw new EventDataException(
            String.format(
                Locale.ROOT,
                "%s:%d: unknown label '%s' or '%s'; PLOVER: %s; ACLED: %s",
                file,
                lineNo,
                plover,
                acled,
                Labels.PLOVER,
                Labels.ACLED));
      }
      add(
          c[0].strip(),
          "own",
          c[3].strip(),
          Set.of(plover),
          acled.equals("-") ? null : Set.of(acled));
      n++;
    }
    done("Annals' own labelled sentences", file, n);
  }

  /** Sentences of sport, entertainment and technology articles: no political event. */
  void bbc(Path file) {
    int n = 0;
    for (String line : lines(file)) {
      JsonNode r = json(file, line);
      String category = r.path("category").asText();
      if (!Set.of("sport", "entertainment", "tech").contains(category)) {
        continue;
      }
      String[] sentences = r.path("text").asText().split("(?<=[.!?])\\s+(?=[A-Z\"])");
      for (int i = 0; i < sentences.length; i++) {
        String s = sentences[i].strip();
        String id = "bbc-" + r.path("id").asText() + "#" + i;
        int words = s.split("\\s+").length;
        if (words < 8
            || words > 60
            || Long.parseLong(Hashes.sha256Hex(id, 3), 16) % BBC_EVERY != 0) {
          continue;
        }
        add(id, "bbc-negative", s, Set.of(Labels.NONE), Set.of(Labels.NONE));
        n++;
      }
    }
    done("BBC sport/entertainment/tech sentences as no event (1 in " + BBC_EVERY + ")", file, n);
  }

  /** Adds a record, completing whichever of PLOVER and ACLED is missing from the other. */
  private void add(
      String id,
      String set,
      String text,
      @Nullable Set<String> plover,
      @Nullable Set<String> acled) {
    if (text.isBlank()) {
      return;
    }
    if (plover == null && acled != null) {
      plover = ploverFor(acled);
    }
    if (acled == null && plover != null) {
      acled = acledFor(plover);
    }
    records.add(
        new LabelledRecord(id, set, text, plover, acled, plover == null ? null : cameoFor(plover)));
  }

  private @Nullable Set<String> ploverFor(Set<String> acled) {
    Set<String> out = new TreeSet<>();
    for (String code : acled) {
      String name = Labels.CASE_TO_ACLED.get(code);
      if (name != null) {
        out.addAll(compat.ploverTypes(name));
      } else if (code.equals("DIPLO")) {
        out.addAll(Labels.DIPLOMATIC);
      } else if (code.equals("NATURAL_DISASTER")
          || code.equals("MAN_MADE_DISASTER")
          || code.equals(Labels.NONE)) {
        out.add(Labels.NONE);
      } else if (code.equals("ORG_CRIME")) {
        out.addAll(List.of("ASSAULT", "COERCE", Labels.NONE));
      }
    }
    return out.isEmpty() ? null : out;
  }

  private Set<String> acledFor(Set<String> plover) {
    Set<String> out = new LinkedHashSet<>();
    for (String type : plover) {
      if (type.equals(Labels.NONE)) {
        out.addAll(List.of(Labels.NONE, "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"));
        continue;
      }
      for (var e : Labels.CASE_TO_ACLED.entrySet()) {
        if (compat.compatible(type, e.getValue())) {
          out.add(e.getKey());
        }
      }
      out.addAll(Labels.NON_ACLED);
      out.add(Labels.NONE);
    }
    return out;
  }

  private @Nullable Set<String> cameoFor(Set<String> plover) {
    Set<String> out = new TreeSet<>();
    for (String type : plover) {
      if (type.equals(Labels.NONE)) {
        out.add(Labels.NONE);
      } else {
        out.addAll(compat.cameoRoots(type));
      }
    }
    return out.isEmpty() ? null : out;
  }

  private void done(String name, Path file, int n) {
    if (n > 0) {
      try {
        sets.add(
            new DataSet(
                name,
                file.getFileName().toString(),
                Hashes.sha256Hex(Files.readAllBytes(file)),
                n));
      } catch (IOException e) {
        throw new EventDataException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static List<String> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EventDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode json(Path file, String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new EventDataException(file + ": a line is not JSON: " + e.getMessage(), e);
    }
  }
}
