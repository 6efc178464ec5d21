package org.annals.spark;

import java.io.Serializable;
import java.time.LocalDate;
import org.annals.dedup.Report;
import org.annals.store.ExportRows;
import org.jspecify.annotations.Nullable;

/** A report with what merging needs of its article, as it travels between tasks. */
record ReportRow(
    String id, String json, String family, @Nullable String outlet, @Nullable LocalDate published)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The report as the store's merger sees it, read back from its record as the store does. */
  Report report() {
    return new Report(ExportRows.parseReport(json), family, outlet, published);
  }
}
