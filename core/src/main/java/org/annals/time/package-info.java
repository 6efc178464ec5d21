/**
 * Event dating: resolving time expressions against the publication date, precision and background.
 */
@NullMarked
package org.annals.time;

import org.jspecify.annotations.NullMarked;
