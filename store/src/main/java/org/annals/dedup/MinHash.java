package org.annals.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * MinHash signatures over five-word shingles, and LSH band keys to find candidate near-duplicates
 * without comparing every pair. With 32 bands of 4 rows, two articles whose shingle sets have a
 * Jaccard similarity of 0.5 share a band with probability 0.87, at 0.8 with probability 1.0, at 0.2
 * with probability 0.05. Candidates are then confirmed by {@link #similarity}. Thread-safe.
 */
public final class MinHash {
  public static final int HASHES = 128;
  public static final int BANDS = 32;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE_WORDS = 5;
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x5DEECE66DL;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x9E3779B97F4A7C15L);
      SEEDS[i] = s;
    }
  }

  private MinHash() {}

  /** The signature of a text, or null when it has fewer than five words. */
  public static int @Nullable [] signature(String text) {
    List<String> words = words(text);
    if (words.size() < SHINGLE_WORDS) {
      return null;
    }
    long[] min = new long[HASHES];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
      long h = 0xcbf29ce484222325L; // FNV-1a over the shingle's words
      for (int w = i; w < i + SHINGLE_WORDS; w++) {
        String word = words.get(w);
        for (int c = 0; c < word.length(); c++) {
          h = (h ^ word.charAt(c)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
      }
      for (int k = 0; k < HASHES; k++) {
        long v = mix(h ^ SEEDS[k]);
        if (v < min[k]) {
          min[k] = v;
        }
      }
    }
    int[] sig = new int[HASHES];
    for (int k = 0; k < HASHES; k++) {
      sig[k] = (int) (min[k] >>> 32);
    }
    return sig;
  }

  /** One key per band; two signatures sharing any key are candidates. */
  public static long[] bands(int[] signature) {
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h * 31 + signature[b * ROWS + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** Estimated Jaccard similarity of the two shingle sets: the share of equal positions. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int k = 0; k < HASHES; k++) {
      if (a[k] == b[k]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /** Serialises a signature to bytes (big-endian ints) for storage. */
  public static byte[] toBytes(int[] signature) {
    var buf = java.nio.ByteBuffer.allocate(signature.length * 4);
    for (int v : signature) {
      buf.putInt(v);
    }
    return buf.array();
  }

  public static int[] fromBytes(byte[] bytes) {
    var buf = java.nio.ByteBuffer.wrap(bytes);
    int[] sig = new int[bytes.length / 4];
    for (int i = 0; i < sig.length; i++) {
      sig[i] = buf.getInt();
    }
    return sig;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  private static long mix(long z) { // splitmix64 finaliser
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
