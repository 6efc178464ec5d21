/**
 * Event coding: trigger matching, modality, actors and the three vocabularies (PLOVER, CAMEO,
 * ACLED).
 */
@NullMarked
package org.annals.coding;

import org.jspecify.annotations.NullMarked;
