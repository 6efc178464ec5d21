package org.annals.nlp;

/** A named-entity mention: tokens {@code [tokenStart, tokenEnd)} of one sentence and its type. */
public record EntityMention(int tokenStart, int tokenEnd, String type, String text) {}
