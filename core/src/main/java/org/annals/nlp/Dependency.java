package org.annals.nlp;

/**
 * A dependency arc between tokens of one sentence (0-based token indices; {@code governor} is -1
 * for the root). {@code relation} is a Universal Dependencies relation with its subtype, e.g.
 * {@code nsubj}, {@code obl:on}, {@code nmod:poss}.
 */
public record Dependency(int governor, int dependent, String relation) {}
