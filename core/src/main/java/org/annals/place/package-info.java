/**
 * Geocoding: the offline gazetteer ({@link org.annals.place.Gazetteer}), place mentions and their
 * resolution ({@link org.annals.place.Geocoder}), and event locations ({@link
 * org.annals.place.EventPlacer}).
 */
@NullMarked
package org.annals.place;

import org.jspecify.annotations.NullMarked;
