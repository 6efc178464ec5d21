/**
 * The data files the coder reads: triggers, refinements, countries, actors, modality and
 * boilerplate patterns.
 */
@NullMarked
package org.annals.lexicon;

import org.jspecify.annotations.NullMarked;
