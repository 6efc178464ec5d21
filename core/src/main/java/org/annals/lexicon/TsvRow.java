package org.annals.lexicon;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One data row of a lexicon file, with its origin for provenance ({@code triggers.tsv:42}). */
record TsvRow(String file, int line, List<String> cells) {

  String origin() {
    return file + ":" + line;
  }

  String get(int i) {
    return i < cells.size() ? cells.get(i) : "-";
  }

  /** The cell, or null for {@code -} or empty. */
  String opt(int i) {
    String v = get(i).strip();
    return v.isEmpty() || v.equals("-") ? null : v;
  }

  List<String> list(int i, String sep) {
    String v = opt(i);
    if (v == null) {
      return List.of();
    }
    return Arrays.stream(v.split(java.util.regex.Pattern.quote(sep)))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Parses TAB-separated rows, skipping comments and blank lines; checks the column count. */
  static List<TsvRow> parse(String file, String text, int minColumns) {
    var rows = new java.util.ArrayList<TsvRow>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      String t = line.replace("\r", "");
      if (t.isBlank() || t.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> cells = List.of(t.split("\t", -1));
      if (cells.size() < minColumns) {
        throw new LexiconException(
            String.format(
                Locale.ROOT,
                "%s:%d: expected %d TAB-separated columns but found %d; fix the line (columns are"
                    + " described at the top of the file)",
                file,
                lineNo,
                minColumns,
                cells.size()));
      }
      rows.add(new TsvRow(file, lineNo, cells));
    }
    return rows;
  }
}
