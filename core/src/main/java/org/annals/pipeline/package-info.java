/** Plain-code wiring of the stages, from a raw article to coded events. */
@NullMarked
package org.annals.pipeline;

import org.jspecify.annotations.NullMarked;
