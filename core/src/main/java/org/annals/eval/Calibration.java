package org.annals.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well confidences match how often codings are right: expected calibration error over equal-
 * width bins, a reliability table, and two maps that make them match on held-out records: a Platt
 * fit {@code p' = σ(a·logit(p) + b)} and an isotonic curve (the share right, non-decreasing in the
 * confidence, fitted by pooling adjacent violators).
 */
public final class Calibration {
  /** A map from a classifier's probability to the probability that the coding is right. */
  public interface Scaling {
    double apply(double p);
  }

  /** A Platt fit. */
  public record Fit(double a, double b) implements Scaling {
    @Override
    public double apply(double p) {
      return 1 / (1 + Math.exp(-(a * logit(p) + b)));
    }
  }

  /**
   * A non-decreasing curve through the points ({@code x[i]}, {@code y[i]}), {@code x} ascending:
   * linear between them, flat beyond the ends.
   */
  public record Curve(double[] x, double[] y) implements Scaling {
    public Curve {
      if (x.length == 0 || x.length != y.length) {
        throw new IllegalArgumentException(
            "a calibration curve needs as many y as x values, at least one: "
                + x.length
                + " x, "
                + y.length
                + " y");
      }
      x = x.clone();
      y = y.clone();
    }

    @Override
    public double apply(double p) {
      if (p <= x[0]) {
        return y[0];
      }
      for (int i = 1; i < x.length; i++) {
        if (p <= x[i]) {
          double w = (p - x[i - 1]) / (x[i] - x[i - 1]);
          return y[i - 1] + w * (y[i] - y[i - 1]);
        }
      }
      return y[y.length - 1];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
      return "Curve" + Arrays.toString(x) + "→" + Arrays.toString(y);
    }
  }

  /** The lowest and highest probability an isotonic curve gives: never certainty. */
  static final double FLOOR = 0.01;

  /**
   * The isotonic fit of {@code points}: the confidences pooled where equal, then adjacent pools
   * merged while the share right falls (pool adjacent violators), each pool a point at its mean
   * confidence and share right, kept within [{@value #FLOOR}, 1 − {@value #FLOOR}]; the identity if
   * empty.
   */
  public static Curve isotonic(List<Point> points) {
    if (points.isEmpty()) {
      return new Curve(new double[] {0, 1}, new double[] {0, 1});
    }
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(java.util.Comparator.comparingDouble(Point::confidence));
    // pools: sum of confidences, number right, count
    List<double[]> pools = new ArrayList<>();
    for (int i = 0; i < sorted.size(); ) {
      double c = sorted.get(i).confidence();
      double[] pool = new double[3];
      for (; i < sorted.size() && sorted.get(i).confidence() == c; i++) {
        pool[0] += c;
        pool[1] += sorted.get(i).correct() ? 1 : 0;
        pool[2]++;
      }
      pools.add(pool);
      while (pools.size() > 1) {
        double[] last = pools.get(pools.size() - 1);
        double[] before = pools.get(pools.size() - 2);
        if (before[1] / before[2] < last[1] / last[2]) {
          break;
        }
        before[0] += last[0];
        before[1] += last[1];
        before[2] += last[2];
        pools.remove(pools.size() - 1);
      }
    }
    double[] x = new double[pools.size()];
    double[] y = new double[pools.size()];
    for (int i = 0; i < x.length; i++) {
      double[] pool = pools.get(i);
      x[i] = pool[0] / pool[2];
      y[i] = Math.min(1 - FLOOR, Math.max(FLOOR, pool[1] / pool[2]));
    }
    return new Curve(x, y);
  }

  /** A confidence and whether the coding it belongs to was right. */
  public record Point(double confidence, boolean correct) {}

  private Calibration() {}

  static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  }

  /**
   * The Platt fit minimising the log loss of {@code points} against Platt's smoothed targets
   * ({@code (n₊+1)/(n₊+2)} for right, {@code 1/(n₋+2)} for wrong), by Newton's method with a
   * backtracking line search (Lin, Lin and Weng 2007), so it converges even when the confidences
   * separate right from wrong or sit at the clamp; a=1, b=0 if empty.
   */
  public static Fit fit(List<Point> points) {
    if (points.isEmpty()) {
      return new Fit(1, 0);
    }
    int right = 0;
    for (Point p : points) {
      right += p.correct() ? 1 : 0;
    }
    int wrong = points.size() - right;
    double hi = (right + 1.0) / (right + 2.0);
    double lo = 1.0 / (wrong + 2.0);
    double[] x = new double[points.size()];
    double[] t = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = logit(points.get(i).confidence());
      t[i] = points.get(i).correct() ? hi : lo;
    }
    double a = 1;
    double b = 0;
    double loss = loss(x, t, a, b);
    for (int it = 0; it < 100; it++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < x.length; i++) {
        double q = sigmoid(a * x[i] + b);
        ga += (q - t[i]) * x[i];
        gb += q - t[i];
        double w = q * (1 - q);
        haa += w * x[i] * x[i];
        hab += w * x[i];
        hbb += w;
      }
      if (Math.abs(ga) + Math.abs(gb) < 1e-9 * x.length) {
        break;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(x, t, a - da, b - db);
      while (next > loss + 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
        step /= 2;
        next = loss(x, t, a - step * da, b - step * db);
      }
      if (step <= 1e-10) {
        break;
      }
      a -= step * da;
      b -= step * db;
      boolean done = Math.abs(step * da) + Math.abs(step * db) < 1e-9;
      loss = next;
      if (done) {
        break;
      }
    }
    return new Fit(a, b);
  }

  /** The log loss of σ(a·x + b) against targets t, computed without overflow. */
  private static double loss(double[] x, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = a * x[i] + b;
      // −t·log σ(z) − (1−t)·log(1−σ(z)) = log(1+e^z) − t·z
      sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t[i] * z;
    }
    return sum;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
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
