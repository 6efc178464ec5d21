package org.annals.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The built-in boilerplate patterns of web pages: class and id patterns from {@code
 * lexicon/html-boilerplate.txt} (an element whose class or id matches one is dropped) and the
 * whole-line patterns of {@code lexicon/boilerplate.txt} (a paragraph that matches one is dropped).
 * Immutable and thread-safe.
 */
final class HtmlBoilerplate {
  static final String NAMES_RESOURCE = "/annals/lexicon/html-boilerplate.txt";
  static final String LINES_RESOURCE = "/annals/lexicon/boilerplate.txt";

  /** Class names and ids of article bodies ("article-body", "story__content"): never dropped. */
  private static final Pattern BODY_NAME =
      Pattern.compile("(article|story|post|entry)[-_]*(body|content|text)");

  private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

  private final List<Pattern> names;
  private final List<Pattern> lines;

  private HtmlBoilerplate(List<Pattern> names, List<Pattern> lines) {
    this.names = List.copyOf(names);
    this.lines = List.copyOf(lines);
  }

  /** The patterns packaged in the core jar, loaded once. */
  static HtmlBoilerplate builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** Whether some class name or the id of {@code e} marks it as boilerplate. */
  boolean isBoilerplate(Element e) {
    List<String> tokens = new ArrayList<>();
    for (String c : e.classNames()) {
      tokens.add(c.toLowerCase(Locale.ROOT));
    }
    if (!e.id().isEmpty()) {
      tokens.add(e.id().toLowerCase(Locale.ROOT));
    }
    boolean matched = false;
    for (String t : tokens) {
      if (BODY_NAME.matcher(t).find()) {
        return false;
      }
      matched = matched || names.stream().anyMatch(p -> p.matcher(t).find());
    }
    return matched;
  }

  /** Whether a whole paragraph is a boilerplate line ("Read more", "Share this article"). */
  boolean isBoilerplateLine(String paragraph) {
    for (Pattern p : lines) {
      if (p.matcher(paragraph).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Collapses white space to single spaces and drops invisible characters (soft hyphens, ZWSP). */
  static String normalise(String s) {
    return SPACE.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").strip();
  }

  static List<Pattern> parse(String fileText, String fileName) {
    return org.annals.text.Cleaner.parsePatterns(fileText, fileName);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlBoilerplate.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in lexicon file " + name + " is missing from the jar; rebuild Annals");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in " + name + ": " + e.getMessage(), e);
    }
  }

  private static final class BuiltIn {
    static final HtmlBoilerplate INSTANCE =
        new HtmlBoilerplate(
            parse(resource(NAMES_RESOURCE), "html-boilerplate.txt"),
            parse(resource(LINES_RESOURCE), "boilerplate.txt"));
  }
}
