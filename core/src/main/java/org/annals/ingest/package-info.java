/** Reading articles from text files, JSON Lines and standard input, with the checks that reject bad input. */
@NullMarked
package org.annals.ingest;

import org.jspecify.annotations.NullMarked;
