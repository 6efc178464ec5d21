package org.annals.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well confidences match how often codings are right: expected calibration error over equal-
 * width bins, a reliability table, and a Platt fit {@code p' = σ(a·logit(p) + b)} that makes them
 * match on held-out records.
 */
public final class Calibration {
  /** A Platt fit. */
  public record Fit(double a, double b) {
    public double apply(double p) {
      return 1 / (1 + Math.exp(-(a * logit(p) + b)));
    }
  }

  /** A confidence and whether the coding it belongs to was right. */
  public record Point(double confidence, boolean correct) {}

  private Calibration() {}

  static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  }

  /**
   * The Platt fit minimising the log loss of {@code points} (Newton's method; a=1, b=0 if empty).
   */
  public static Fit fit(List<Point> points) {
    double a = 1;
    double b = 0;
    if (points.isEmpty()) {
      return new Fit(a, b);
    }
    for (int it = 0; it < 100; it++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-6;
      double hab = 0;
      double hbb = 1e-6;
      for (Point p : points) {
        double x = logit(p.confidence());
        double q = 1 / (1 + Math.exp(-(a * x + b)));
        double y = p.correct() ? 1 : 0;
        ga += (q - y) * x;
        gb += q - y;
        double w = q * (1 - q);
        haa += w * x * x;
        hab += w * x;
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-9) {
        break;
      }
    }
    return new Fit(a, b);
  }

  /** Expected calibration error over {@code bins} equal-width bins. */
  public static double ece(List<Point> points, int bins) {
    double sum = 0;
    for (double[] bin : bins(points, bins)) {
      if (bin[0] > 0) {
        sum += bin[0] * Math.abs(bin[1] / bin[0] - bin[2] / bin[0]);
      }
    }
    return points.isEmpty() ? 0 : sum / points.size();
  }

  /** The reliability table: per bin, how many, mean confidence, share right. */
  public static List<String> table(List<Point> points, int bins) {
    List<String> out = new ArrayList<>();
    out.add("| confidence | records | mean confidence | share right |");
    out.add("|---|---|---|---|");
    List<double[]> b = bins(points, bins);
    for (int i = 0; i < bins; i++) {
      double[] bin = b.get(i);
      if (bin[0] == 0) {
        continue;
      }
      out.add(
          String.format(
              Locale.ROOT,
              "| %.1f–%.1f | %d | %.3f | %.3f |",
              (double) i / bins,
              (double) (i + 1) / bins,
              (int) bin[0],
              bin[1] / bin[0],
              bin[2] / bin[0]));
    }
    return out;
  }

  /** Per bin: count, sum of confidences, number right. */
  private static List<double[]> bins(List<Point> points, int bins) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      out.add(new double[3]);
    }
    for (Point p : points) {
      int i = Math.min(bins - 1, (int) (p.confidence() * bins));
      double[] bin = out.get(i);
      bin[0]++;
      bin[1] += p.confidence();
      bin[2] += p.correct() ? 1 : 0;
    }
    return out;
  }
}
