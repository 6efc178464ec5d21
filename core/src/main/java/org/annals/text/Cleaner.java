package org.annals.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans scraped article text: repairs UTF-8 that was decoded as Windows-1252 ("â€˜" → "‘"),
 * normalises quotes and white space, and drops boilerplate lines that match a pattern file.
 *
 * <p>Paragraphs in the result are separated by a blank line: a text that has blank lines keeps its
 * blank-line paragraphs (single newlines inside them become spaces); a text without blank lines
 * treats each line as a paragraph. Instances are immutable and thread-safe.
 */
public final class Cleaner {
  private static final char[] CP1252_TO_BYTE = buildReverseCp1252();

  private final List<Pattern> boilerplate;

  public Cleaner(List<Pattern> boilerplate) {
    this.boilerplate = List.copyOf(boilerplate);
  }

  /** Cleans {@code original}; offsets of the result map back into it. */
  public CleanText clean(String original) {
    Builder out = new Builder(original.length());
    boolean blankLineParagraphs = original.contains("\n\n") || original.contains("\r\n\r\n");
    int dropped = 0;
    int pos = 0;
    int n = original.length();
    boolean needBreak = false;
    while (pos < n) {
      int lineEnd = original.indexOf('\n', pos);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      String line = original.substring(pos, lineEnd);
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        needBreak = out.length() > 0;
      } else if (isBoilerplate(repairMojibake(trimmed))) {
        dropped++;
        needBreak = out.length() > 0;
      } else {
        if (out.length() > 0) {
          if (needBreak || !blankLineParagraphs) {
            out.append('\n', pos - 1, pos);
            out.append('\n', pos - 1, pos);
          } else {
            out.append(' ', pos - 1, pos);
          }
        }
        needBreak = false;
        appendLine(out, original, pos, lineEnd);
      }
      pos = lineEnd + 1;
    }
    return out.build(original.length(), dropped);
  }

  private boolean isBoilerplate(String line) {
    for (Pattern p : boilerplate) {
      if (p.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Appends one line: mojibake repaired, quotes normalised, white space collapsed and trimmed. */
  private static void appendLine(Builder out, String s, int from, int to) {
    int i = from;
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    int end = to;
    while (end > i && isSpace(s.charAt(end - 1))) {
      end--;
    }
    boolean pendingSpace = false;
    int spaceAt = i;
    while (i < end) {
      char c = s.charAt(i);
      int mojibake = mojibakeLength(s, i, end);
      if (mojibake > 0) {
        String fixed = decodeCp1252AsUtf8(s, i, i + mojibake);
        if (pendingSpace) {
          out.append(' ', spaceAt, spaceAt + 1);
          pendingSpace = false;
        }
        for (int k = 0; k < fixed.length(); k++) {
          out.append(normaliseQuote(fixed.charAt(k)), i, i + mojibake);
        }
        i += mojibake;
        continue;
      }
      if (isSpace(c)) {
        if (!pendingSpace) {
          pendingSpace = true;
          spaceAt = i;
        }
        i++;
        continue;
      }
      int control = controlLength(s, i, end);
      if (control > 0) {
        i += control;
        continue;
      }
      if (pendingSpace) {
        out.append(' ', spaceAt, spaceAt + 1);
        pendingSpace = false;
      }
      out.append(normaliseQuote(lostByte(s, i, end) ? '\u00ED' : c), i, i + 1);
      i++;
    }
  }

  /**
   * True if the {@code Ã} at {@code i} is the first half of "í" (UTF-8 C3 AD) whose second byte, a
   * soft hyphen, was lost in a Windows-1252 round trip: "MedellÃn". Only inside a lower-case word,
   * where a capital Ã does not occur in any language.
   */
  static boolean lostByte(String s, int i, int end) {
    return s.charAt(i) == '\u00C3'
        && i > 0
        && i + 1 < end
        && Character.isLowerCase(s.charAt(i - 1))
        && Character.isLowerCase(s.charAt(i + 1));
  }

  /**
   * Length of a control sequence at {@code i} to drop, or 0: C0 and C1 control characters (not tab
   * or line breaks, which are white space here), invisible format characters, and whole terminal
   * escape sequences ({@code ESC [ … m}), so none reaches actor texts or a terminal.
   */
  static int controlLength(String s, int i, int end) {
    char c = s.charAt(i);
    if (c == '\u001B') {
      if (i + 1 < end && (s.charAt(i + 1) == '[' || s.charAt(i + 1) == ']')) {
        boolean osc = s.charAt(i + 1) == ']';
        int k = i + 2;
        while (k < end) {
          char d = s.charAt(k);
          if (osc ? d == '\u0007' : d >= 0x40 && d <= 0x7E) {
            return k + 1 - i;
          }
          if (osc && d == '\u001B' && k + 1 < end && s.charAt(k + 1) == '\\') {
            return k + 2 - i;
          }
          if (!osc && (d < 0x20 || d > 0x3F)) {
            break; // not a well-formed sequence: drop the ESC alone
          }
          k++;
        }
      }
      return 1;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      return 1;
    }
    if (c >= 0x7F && c <= 0x9F) {
      return 1;
    }
    return isInvisible(c) ? 1 : 0;
  }

  /** Repairs mojibake in a line (used to test lines against the boilerplate patterns). */
  static String repairMojibake(String s) {
    return repair(s, false);
  }

  /**
   * A span of the original text as the output shows it: mojibake repaired (UTF-8 read as
   * Windows-1252: "Ã©lite" → "élite", "MedellÃn" → "Medellín") and control characters and terminal
   * escapes dropped; nothing else changes, so the span's offsets still point at what was written.
   */
  public static String asWritten(String s) {
    return repair(s, true);
  }

  private static String repair(String s, boolean dropControls) {
    StringBuilder b = null;
    int i = 0;
    int n = s.length();
    while (i < n) {
      int len = mojibakeLength(s, i, n);
      int control = len == 0 && dropControls ? controlLength(s, i, n) : 0;
      boolean lost = len == 0 && control == 0 && lostByte(s, i, n);
      if (len == 0 && control == 0 && !lost) {
        if (b != null) {
          b.append(s.charAt(i));
        }
        i++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder(n).append(s, 0, i);
      }
      if (len > 0) {
        b.append(decodeCp1252AsUtf8(s, i, i + len));
        i += len;
      } else if (control > 0) {
        i += control;
      } else {
        b.append('\u00ED');
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * Length of a UTF-8 sequence that was mis-decoded as Windows-1252 starting at {@code i}, or 0.
   */
  static int mojibakeLength(String s, int i, int end) {
    char lead = s.charAt(i);
    int need;
    if (lead >= 0xC2 && lead <= 0xDF) {
      need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      need = 2;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      need = 3;
    } else {
      return 0;
    }
    if (i + need >= end) {
      return 0;
    }
    for (int k = 1; k <= need; k++) {
      char c = s.charAt(i + k);
      int b = byteOf(c);
      if (b < 0x80 || b > 0xBF) {
        return 0;
      }
    }
    try {
      decodeStrict(s, i, i + need + 1);
      return need + 1;
    } catch (CharacterCodingException e) {
      return 0;
    }
  }

  private static String decodeCp1252AsUtf8(String s, int from, int to) {
    try {
      return decodeStrict(s, from, to);
    } catch (CharacterCodingException e) {
      return s.substring(from, to);
    }
  }

  private static String decodeStrict(String s, int from, int to) throws CharacterCodingException {
    byte[] bytes = new byte[to - from];
    for (int k = from; k < to; k++) {
      int b = byteOf(s.charAt(k));
      if (b < 0) {
        throw new CharacterCodingException();
      }
      bytes[k - from] = (byte) b;
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** The Windows-1252 (or Latin-1) byte that decodes to {@code c}, or -1. */
  private static int byteOf(char c) {
    if (c < 0x80) {
      return c;
    }
    if (c <= 0xFF) {
      return c;
    }
    for (int b = 0x80; b < 0xA0; b++) {
      if (CP1252_TO_BYTE[b - 0x80] == c) {
        return b;
      }
    }
    return -1;
  }

  private static char[] buildReverseCp1252() {
    Charset cp1252 = Charset.forName("windows-1252");
    char[] table = new char[0x20];
    for (int b = 0x80; b < 0xA0; b++) {
      String decoded = new String(new byte[] {(byte) b}, cp1252);
      char c = decoded.charAt(0);
      table[b - 0x80] = c == '\uFFFD' ? (char) b : c;
    }
    return table;
  }

  static char normaliseQuote(char c) {
    switch (c) {
      case '\u2018':
      case '\u2019':
      case '\u201A':
      case '\u201B':
      case '\u2032':
      case '\u00B4':
        return '\'';
      case '\u201C':
      case '\u201D':
      case '\u201E':
      case '\u201F':
      case '\u2033':
        return '"';
      case '\u00A0':
      case '\u2007':
      case '\u202F':
        return ' ';
      default:
        return c;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\r'
        || c == '\u00A0'
        || c == '\u2007'
        || c == '\u202F'
        || c == '\u2009'
        || c == '\u200A'
        || c == '\u3000'
        || c == '\f';
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u00AD';
  }

  /** Accumulates cleaned characters and their original spans. */
  private static final class Builder {
    private final StringBuilder text;
    private int[] starts;
    private int[] ends;

    Builder(int capacity) {
      text = new StringBuilder(capacity);
      starts = new int[Math.max(16, capacity)];
      ends = new int[Math.max(16, capacity)];
    }

    int length() {
      return text.length();
    }

    void append(char c, int origFrom, int origTo) {
      int k = text.length();
      if (k == starts.length) {
        starts = java.util.Arrays.copyOf(starts, k * 2);
        ends = java.util.Arrays.copyOf(ends, k * 2);
      }
      text.append(c);
      starts[k] = origFrom;
      ends[k] = origTo;
    }

    CleanText build(int originalLength, int dropped) {
      int k = text.length();
      return new CleanText(
          text.toString(),
          java.util.Arrays.copyOf(starts, k),
          java.util.Arrays.copyOf(ends, k),
          originalLength,
          dropped);
    }
  }

  /** Splits a pattern file's text into compiled, case-insensitive, whole-line patterns. */
  public static List<Pattern> parsePatterns(String fileText, String fileName) {
    List<Pattern> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : fileText.split("\n", -1)) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      try {
        out.add(Pattern.compile(t, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException(
            fileName + ":" + lineNo + ": bad regular expression: " + e.getDescription(), e);
      }
    }
    return out;
  }
}
