/** Annals: news articles to coded, dated, located event data. */
@NullMarked
package org.annals;

import org.jspecify.annotations.NullMarked;
