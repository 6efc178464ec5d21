/**
 * Reading articles from text files, JSON Lines, web pages, WARC files, RSS and Atom feeds,
 * directories and standard input, with the checks that reject bad input.
 */
@NullMarked
package org.annals.ingest;

import org.jspecify.annotations.NullMarked;
