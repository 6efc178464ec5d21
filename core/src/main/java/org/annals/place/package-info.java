/** Event location from the place names of a sentence and the article (country and capital level until geocoding). */
@NullMarked
package org.annals.place;

import org.jspecify.annotations.NullMarked;
