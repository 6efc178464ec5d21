package org.annals.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Headlines without the site name that page titles add: "Bridge reopens - Town News", "Town News |
 * Bridge reopens". Stateless and thread-safe.
 */
final class Headlines {
  /** A separator between headline and site name: " - ", " | ", " – ", " — ", " · ", " :: ". */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[-|–—·•»]|::)\\s+");

  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");

  /** How many letters a suffix may add to a site name ("BBC" and "BBC News"). */
  private static final int SLACK = 8;

  private Headlines() {}

  /**
   * {@code title} without a leading or trailing site name, or {@code title} as it is if no part
   * names the site.
   *
   * @param names the site's names: its {@code og:site_name}, publisher, host; null ones ignored
   */
  static @Nullable String withoutSiteName(@Nullable String title, @Nullable String... names) {
    if (title == null) {
      return null;
    }
    Matcher m = SEPARATOR.matcher(title);
    int firstStart = -1;
    int firstEnd = -1;
    int lastStart = -1;
    int lastEnd = -1;
    while (m.find()) {
      if (firstStart < 0) {
        firstStart = m.start();
        firstEnd = m.end();
      }
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart < 0) {
      return title;
    }
    if (namesSite(title.substring(lastEnd), names)) {
      return title.substring(0, lastStart).strip();
    }
    if (namesSite(title.substring(0, firstStart), names)) {
      return title.substring(firstEnd).strip();
    }
    return title;
  }

  private static boolean namesSite(String part, @Nullable String... names) {
    String p = compact(part);
    if (p.isEmpty()) {
      return false;
    }
    for (String name : names) {
      if (name == null) {
        continue;
      }
      String n = compact(name.contains(" ") || !name.contains(".") ? name : hostName(name));
      if (n.length() >= 2
          && (p.equals(n)
              || (Math.abs(p.length() - n.length()) <= SLACK
                  && Math.min(p.length(), n.length()) >= 3
                  && (p.startsWith(n) || n.startsWith(p))))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first label of a host that is not "www": "riverside-gazette" of
   * "riverside-gazette.example".
   */
  private static String hostName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    h = h.startsWith("www.") ? h.substring(4) : h;
    int dot = h.indexOf('.');
    return dot < 0 ? h : h.substring(0, dot);
  }

  private static String compact(String s) {
    String lower = LEADING_THE.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
    return NON_ALNUM.matcher(lower).replaceAll("");
  }
}
