package org.annals.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid over the globe for finding placed reports near each other: rows of a degree of latitude,
 * each cut into one-degree columns of longitude (one cell for rows beyond 80°, where meridians
 * crowd). A point's own cell, and the cells that may hold a point within some distance of it (with
 * a margin, so rounding never loses a pair).
 */
final class Cells {
  private Cells() {}

  static final double SIZE = 1;
  private static final int COLUMNS = (int) Math.round(360 / SIZE);
  private static final double POLAR = 80;
  private static final double KM_PER_DEGREE =
      110.5; // the shortest degree of latitude, rounded down

  /** The cell of a point, as "row:column". */
  static String of(double lat, double lon) {
    int row = row(lat);
    return row + ":" + column(row, lon);
  }

  /** Every cell that may hold a point within {@code km} of this one, its own included. */
  static List<String> near(double lat, double lon, double km) {
    double dLat = km / KM_PER_DEGREE;
    double reach = Math.min(89.9, Math.abs(lat) + dLat);
    // a degree of longitude shrinks with the cosine of the latitude; 20% of margin
    double dLon = 1.2 * km / (KM_PER_DEGREE * Math.cos(Math.toRadians(reach)));
    List<String> out = new ArrayList<>();
    for (int row = row(lat - dLat); row <= row(lat + dLat); row++) {
      if (polar(row)) {
        out.add(row + ":0");
        continue;
      }
      int from = (int) Math.floor((lon - dLon + 180) / SIZE);
      int to = (int) Math.floor((lon + dLon + 180) / SIZE);
      if (dLon >= 180 || to - from + 1 >= COLUMNS) {
        from = 0;
        to = COLUMNS - 1;
      }
      for (int c = from; c <= to; c++) {
        out.add(row + ":" + Math.floorMod(c, COLUMNS));
      }
    }
    return out;
  }

  private static int row(double lat) {
    double clamped = Math.max(-90, Math.min(90 - 1e-9, lat));
    return (int) Math.floor((clamped + 90) / SIZE);
  }

  private static boolean polar(int row) {
    double south = row * SIZE - 90;
    return south + SIZE > POLAR || south < -POLAR;
  }

  private static int column(int row, double lon) {
    if (polar(row)) {
      return 0;
    }
    return Math.floorMod((int) Math.floor((lon + 180) / SIZE), COLUMNS);
  }
}
