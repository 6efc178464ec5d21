/**
 * Deduplication: near-duplicate articles by MinHash over word shingles, and reports of one
 * happening merged into one event. Everything here is a pure function of its input, so the same
 * reports in any order give the same events with the same ids.
 */
@NullMarked
package org.annals.dedup;

import org.jspecify.annotations.NullMarked;
