/** Writing events as JSON Lines, CSV or a readable table. */
@NullMarked
package org.annals.output;

import org.jspecify.annotations.NullMarked;
