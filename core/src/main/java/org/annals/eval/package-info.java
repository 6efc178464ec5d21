/** Scoring the coder on gold development sets. */
@NullMarked
package org.annals.eval;

import org.jspecify.annotations.NullMarked;
