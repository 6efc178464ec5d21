/**
 * The event store: an embedded DuckDB file holding articles, reports (one coded mention each) and
 * events (reports of one happening merged), with ingest, deduplication and exports.
 */
@NullMarked
package org.annals.store;

import org.jspecify.annotations.NullMarked;
