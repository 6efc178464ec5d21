/**
 * The boundary to the linguistic annotator: annotated sentences, tokens, dependencies, entities and
 * time expressions.
 */
@NullMarked
package org.annals.nlp;

import org.jspecify.annotations.NullMarked;
