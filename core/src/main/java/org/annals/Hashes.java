package org.annals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids and content hashes: SHA-256 of a string's UTF-8 bytes, in hex. */
public final class Hashes {
  private Hashes() {}

  /** The first {@code bytes} bytes (1 to 32) of the SHA-256 of {@code text}, as hex digits. */
  public static String sha256Hex(String text, int bytes) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
