package org.annals.classify;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One labelled text for training: for each head, the set of labels that would be right (one label
 * where the gold is exact; several where a set's label is coarser, as Zero-Shot-PLOVER's YIELD =
 * CONCEDE or RETREAT; null where the set says nothing about that head).
 *
 * @param id the record's id, as {@code annals eval} names it (folds are drawn from it)
 * @param set the data set it comes from
 */
public record LabelledRecord(
    String id,
    String set,
    String text,
    @Nullable Set<String> plover,
    @Nullable Set<String> acled,
    @Nullable Set<String> cameo) {

  public LabelledRecord {
    plover = plover == null ? null : Set.copyOf(plover);
    acled = acled == null ? null : Set.copyOf(acled);
    cameo = cameo == null ? null : Set.copyOf(cameo);
    check("PLOVER", plover, Labels.PLOVER, id);
    check("ACLED", acled, Labels.ACLED, id);
    check("CAMEO", cameo, Labels.CAMEO, id);
  }

  private static void check(
      String head, @Nullable Set<String> labels, java.util.List<String> known, String id) {
    if (labels == null) {
      return;
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException(id + ": an empty " + head + " label set (use null)");
    }
    for (String l : labels) {
      if (!known.contains(l)) {
        throw new IllegalArgumentException(
            id + ": unknown " + head + " label '" + l + "'; known: " + known);
      }
    }
  }

  /** The fold (0 … {@code k} - 1) this record falls in: a hash of its id, so stable. */
  public int fold(int k) {
    return fold(id, k);
  }

  /** The fold of record {@code id} among {@code k}. */
  public static int fold(String id, int k) {
    String h = org.annals.Hashes.sha256Hex(id, 4);
    return (int) (Long.parseLong(h, 16) % k);
  }
}
