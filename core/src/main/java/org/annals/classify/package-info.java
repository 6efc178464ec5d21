/**
 * The trained classification layer beside the rules: what the coder hands a classifier ({@link
 * org.annals.classify.Example}: a sentence and the rules' findings as named features), what it gets
 * back ({@link org.annals.classify.Prediction}: probabilities over the {@link
 * org.annals.classify.Labels}), and the tables derived from the lexicon that keep a decision's
 * PLOVER, ACLED and CAMEO codes consistent ({@link org.annals.classify.Compat}). The classifier
 * itself (an encoder run through ONNX Runtime) lives in the {@code annals-model} module, so core
 * carries no model jars.
 */
@NullMarked
package org.annals.classify;

import org.jspecify.annotations.NullMarked;
