package org.annals.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Single-label classification scores: accuracy, per-class F1, macro and weighted F1. */
public final class Scores {
  private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn, support
  private int total;
  private int correct;

  /** Records one prediction ({@code predicted} may be "NONE"). */
  public void add(String gold, String predicted) {
    total++;
    if (gold.equals(predicted)) {
      correct++;
      cell(gold)[0]++;
    } else {
      cell(predicted)[1]++;
      cell(gold)[2]++;
    }
    cell(gold)[3]++;
  }

  private int[] cell(String label) {
    return counts.computeIfAbsent(label, k -> new int[4]);
  }

  public int total() {
    return total;
  }

  public double accuracy() {
    return total == 0 ? 0 : (double) correct / total;
  }

  /** F1 of one class. */
  public double f1(String label) {
    int[] c = counts.getOrDefault(label, new int[4]);
    double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public int support(String label) {
    return counts.getOrDefault(label, new int[4])[3];
  }

  /** Mean F1 over {@code labels} that have gold support. */
  public double macroF1(Set<String> labels) {
    double sum = 0;
    int n = 0;
    for (String l : labels) {
      if (support(l) > 0) {
        sum += f1(l);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Support-weighted F1 over {@code labels}. */
  public double weightedF1(Set<String> labels) {
    double sum = 0;
    int n = 0;
    for (String l : labels) {
      sum += f1(l) * support(l);
      n += support(l);
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Gold labels seen. */
  public Set<String> goldLabels() {
    Set<String> out = new TreeSet<>();
    counts.forEach(
        (k, v) -> {
          if (v[3] > 0) {
            out.add(k);
          }
        });
    return out;
  }

  /** Per-class lines: label, support, F1. */
  public List<String> perClass() {
    return goldLabels().stream()
        .map(
            l ->
                String.format(
                    java.util.Locale.ROOT, "  %-32s n=%-4d F1=%.3f", l, support(l), f1(l)))
        .toList();
  }
}
