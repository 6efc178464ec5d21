package org.annals.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An article's text as the store keeps it: UTF-8, zlib-compressed (RFC 1950, with its Adler-32
 * check, so a damaged value fails instead of decoding to other text).
 */
final class ArticleText {
  private ArticleText() {}

  static byte[] compress(String text) {
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      d.setInput(in);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 16);
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  static String decompress(String articleId, byte[] stored) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(stored);
      ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 3);
      byte[] buf = new byte[8192];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new DataFormatException("the value ends early");
        }
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new StoreException(
          "the stored text of article '"
              + articleId
              + "' is damaged ("
              + e.getMessage()
              + "); ingest the article again into a new store",
          e);
    } finally {
      inf.end();
    }
  }
}
