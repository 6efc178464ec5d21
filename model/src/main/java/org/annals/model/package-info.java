/**
 * The trained event classifier: {@link org.annals.model.WordPiece} turns a sentence into the base
 * encoder's word pieces, {@link org.annals.model.ModelFile} holds the fine-tuned weights with the
 * provenance of how they were made, and {@link org.annals.model.OnnxEventClassifier} runs the
 * encoder (all-MiniLM-L6-v2, int8) through ONNX Runtime with those weights and computes the heads.
 * {@link org.annals.model.Trainer} rebuilds the weights with the fine-tuning script kept in {@code
 * model/training}.
 */
@NullMarked
package org.annals.model;

import org.jspecify.annotations.NullMarked;
