package org.annals.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Names joined into groups (union-find), each group named by its smallest member, so the names do
 * not depend on the order of the joins. Not thread-safe.
 */
public final class Groups {
  private final Map<String, String> parent = new HashMap<>();

  /** The name of the group {@code x} belongs to ({@code x} itself if never joined). */
  public String find(String x) {
    String p = parent.getOrDefault(x, x);
    if (p.equals(x)) {
      return x;
    }
    String root = find(p);
    parent.put(x, root);
    return root;
  }

  /** Puts {@code a} and {@code b} in one group. */
  public void join(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    int c = ra.compareTo(rb);
    if (c != 0) {
      parent.put(c < 0 ? rb : ra, c < 0 ? ra : rb);
    }
  }
}
