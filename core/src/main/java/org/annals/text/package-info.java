/**
 * Cleaning raw article text (boilerplate, mojibake, quotes, whitespace) with an offset map back to
 * the original.
 */
@NullMarked
package org.annals.text;

import org.jspecify.annotations.NullMarked;
