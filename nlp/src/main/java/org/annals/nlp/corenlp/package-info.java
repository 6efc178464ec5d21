/** Stanford CoreNLP implementation of the annotator boundary. */
@NullMarked
package org.annals.nlp.corenlp;

import org.jspecify.annotations.NullMarked;
