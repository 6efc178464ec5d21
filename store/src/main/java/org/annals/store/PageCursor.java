package org.annals.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/** Opaque page cursors: the sort and the last event's sort key, base64url. */
public final class PageCursor {
  private PageCursor() {}

  public static String encode(String sort, Object[] key) {
    StringBuilder b = new StringBuilder(sort);
    for (Object k : key) {
      b.append('\n').append(k);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The key a cursor holds; {@link IllegalArgumentException} when it is not one of ours. */
  public static Object[] decode(String cursor, String sort) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a cursor this server gave", e);
    }
    try {
      if (parts[0].equals("date") && sort.equals("date") && parts.length == 3) {
        return new Object[] {LocalDate.parse(parts[1]), parts[2]};
      }
      if (parts[0].equals("sources") && sort.equals("sources") && parts.length == 4) {
        return new Object[] {Integer.parseInt(parts[1]), LocalDate.parse(parts[2]), parts[3]};
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a cursor this server gave", e);
    }
    if (!parts[0].equals(sort) && EventReader.SORTS.contains(parts[0])) {
      throw new IllegalArgumentException(
          "the cursor belongs to sort=" + parts[0] + "; keep the sort while paging");
    }
    throw new IllegalArgumentException("not a cursor this server gave");
  }
}
