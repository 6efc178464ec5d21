/** Merging the event mentions of one article that are the same happening. */
@NullMarked
package org.annals.merge;

import org.jspecify.annotations.NullMarked;
