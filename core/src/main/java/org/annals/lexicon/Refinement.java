package org.annals.lexicon;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code refinements.tsv}: when an event of {@code plover} type (and {@code mode}) has a
 * source and target that match, its ACLED and CAMEO codes are replaced.
 *
 * @param sourceSectors sectors the source must have (empty = any)
 * @param sourceRole role the source must have, or null
 */
public record Refinement(
    String plover,
    @Nullable String mode,
    Set<String> sourceSectors,
    @Nullable String sourceRole,
    Set<String> targetSectors,
    @Nullable String targetRole,
    @Nullable String acledEvent,
    @Nullable String acledSubEvent,
    @Nullable String cameo,
    String origin) {

  public Refinement {
    sourceSectors = Set.copyOf(sourceSectors);
    targetSectors = Set.copyOf(targetSectors);
  }
}
