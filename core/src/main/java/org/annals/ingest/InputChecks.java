package org.annals.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks that reject input Annals cannot code, each with a message that says what to do. */
public final class InputChecks {
  /** Largest article accepted, in bytes (5 MB). */
  public static final int MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "he", "it",
          "as", "at", "by", "from", "his", "her", "they", "have", "has", "had", "be", "are", "were",
          "this", "which", "an", "or", "not", "but", "their", "after", "said", "who", "been",
          "will", "its", "would", "into", "than", "she", "we", "i", "you", "there");

  private InputChecks() {}

  /** Returns the size problem of an article of {@code bytes} bytes, if any. */
  public static Optional<InputProblem> checkSize(String origin, long bytes) {
    if (bytes == 0) {
      return Optional.of(
          new InputProblem(origin, "empty", "the input is empty; give a file with article text"));
    }
    return tooLarge(
        origin,
        bytes,
        MAX_ARTICLE_BYTES,
        "article",
        "split it into articles (one a line in a .jsonl file)");
  }

  /** A {@code too-large} problem if {@code bytes} is over {@code limit}, saying what to do. */
  static Optional<InputProblem> tooLarge(
      String origin, long bytes, long limit, String what, String advice) {
    if (bytes <= limit) {
      return Optional.empty();
    }
    return Optional.of(
        new InputProblem(
            origin,
            "too-large",
            String.format(
                Locale.ROOT,
                "the %s is %.1f MB, over the %d MB limit; %s",
                what,
                bytes / 1048576.0,
                limit >> 20,
                advice)));
  }

  /**
   * Decodes bytes as strict UTF-8 (a leading byte-order mark is dropped), or reports why the bytes
   * are not text.
   */
  public static Decoded decode(String origin, byte[] bytes) {
    var size = checkSize(origin, bytes.length);
    if (size.isPresent()) {
      return Decoded.failed(size.get());
    }
    int controls = 0;
    for (byte b : bytes) {
      if (b == 0) {
        return Decoded.failed(
            new InputProblem(
                origin,
                "binary",
                "the input contains NUL bytes, so it is not text; give a text,"
                    + " .jsonl or - (standard input) article"));
      }
      if (b >= 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        controls++;
      }
    }
    if (controls > 8 && controls * 20 > bytes.length) {
      return Decoded.failed(
          new InputProblem(
              origin, "binary", "the input is mostly control characters, so it is not text"));
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        return Decoded.failed(
            new InputProblem(
                origin, "empty", "the input holds only white space; give article text"));
      }
      return new Decoded(text, null);
    } catch (CharacterCodingException e) {
      return Decoded.failed(
          new InputProblem(
              origin,
              "not-utf8",
              "the input is not valid UTF-8; convert it first (e.g. iconv -f WINDOWS-1252 -t"
                  + " UTF-8)"));
    }
  }

  /**
   * Returns a problem if the text does not look like English: among its first 400 words, too few
   * are common English function words.
   */
  public static Optional<InputProblem> checkEnglish(String origin, String text) {
    int words = 0;
    int english = 0;
    int letters = 0;
    int nonLatin = 0;
    int i = 0;
    int n = text.length();
    while (i < n && words < 400) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) {
        char c = text.charAt(i);
        letters++;
        if (c > 0x024F) {
          nonLatin++;
        }
        i++;
      }
      if (i > start) {
        words++;
        if (ENGLISH_FUNCTION_WORDS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
          english++;
        }
      }
    }
    boolean latin = letters == 0 || nonLatin * 2 < letters;
    if (words >= 12 && (!latin || english * 100 < words * 8)) {
      return Optional.of(
          new InputProblem(
              origin,
              "not-english",
              "the text does not look like English (Annals codes English news only)"));
    }
    return Optional.empty();
  }

  /** Text decoded from bytes, or the problem that prevented it. */
  public record Decoded(String text, @Nullable InputProblem problem) {
    static Decoded failed(InputProblem problem) {
      return new Decoded("", problem);
    }

    public boolean ok() {
      return problem == null;
    }
  }
}
