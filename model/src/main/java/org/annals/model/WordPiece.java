package org.annals.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the base encoder was trained with it: clean the text,
 * lower-case, strip accents, split off punctuation and CJK characters, then take the longest
 * vocabulary pieces ({@code ##} marks a piece inside a word). Thread-safe after construction.
 */
public final class WordPiece {
  static final int PAD = 0;
  static final int UNK = 100;
  static final int CLS = 101;
  static final int SEP = 102;
  private static final int MAX_WORD = 100;

  private final Map<String, Integer> vocab;

  private WordPiece(Map<String, Integer> vocab) {
    this.vocab = vocab;
  }

  /** Reads the vocabulary of a Hugging Face {@code tokenizer.json}. */
  public static WordPiece read(InputStream tokenizerJson, String name) {
    try {
      JsonNode vocab = new ObjectMapper().readTree(tokenizerJson).path("model").path("vocab");
      if (!vocab.isObject() || vocab.size() < 1000) {
        throw new ModelException(name + ": not a WordPiece tokenizer.json (no model.vocab)");
      }
      Map<String, Integer> m = new HashMap<>(vocab.size() * 2);
      vocab.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
      return new WordPiece(m);
    } catch (IOException e) {
      throw new ModelException("cannot read the tokenizer " + name + ": " + e.getMessage(), e);
    }
  }

  /** [CLS], the pieces of {@code text} (at most {@code maxTokens} - 2), [SEP]. */
  public int[] encode(String text, int maxTokens) {
    List<Integer> ids = new ArrayList<>();
    ids.add(CLS);
    for (String word : basic(text)) {
      if (ids.size() >= maxTokens - 1) {
        break;
      }
      pieces(word, ids);
    }
    int n = Math.min(ids.size(), maxTokens - 1);
    int[] out = new int[n + 1];
    for (int i = 0; i < n; i++) {
      out[i] = ids.get(i);
    }
    out[n] = SEP;
    return out;
  }

  private void pieces(String word, List<Integer> out) {
    if (word.length() > MAX_WORD) {
      out.add(UNK);
      return;
    }
    List<Integer> found = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer id = null;
      while (start < end) {
        String piece = start > 0 ? "##" + word.substring(start, end) : word.substring(start, end);
        id = vocab.get(piece);
        if (id != null) {
          break;
        }
        end--;
      }
      if (id == null) {
        out.add(UNK);
        return;
      }
      found.add(id);
      start = end;
    }
    out.addAll(found);
  }

  /** BERT's basic tokenizer: the words and punctuation marks of {@code text}, lower-cased. */
  static List<String> basic(String text) {
    String t = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK) {
        continue; // accents, after NFD
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        flush(word, out);
        continue;
      }
      if (cp == 0 || cp == 0xFFFD || isControl(type)) {
        continue;
      }
      if (isPunctuation(cp, type) || isCjk(cp)) {
        flush(word, out);
        out.add(new String(Character.toChars(cp)));
        continue;
      }
      word.appendCodePoint(cp);
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isControl(int type) {
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }

  private static boolean isPunctuation(int cp, int type) {
    if ((cp >= 33 && cp <= 47)
        || (cp >= 58 && cp <= 64)
        || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126)) {
      return true;
    }
    return type == Character.CONNECTOR_PUNCTUATION
        || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
