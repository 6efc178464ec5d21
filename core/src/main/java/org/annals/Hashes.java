package org.annals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids and content hashes: SHA-256 of a string's UTF-8 bytes or of bytes, in hex. */
public final class Hashes {
  private Hashes() {}

  /** The first {@code bytes} bytes (1 to 32) of the SHA-256 of {@code text}, as hex digits. */
  public static String sha256Hex(String text, int bytes) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
  }

  /** The SHA-256 of {@code data}, as 64 hex digits (file and data-set digests). */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
