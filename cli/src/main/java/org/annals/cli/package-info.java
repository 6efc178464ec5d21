/** The annals command line: code, eval and bench. */
@NullMarked
package org.annals.cli;

import org.jspecify.annotations.NullMarked;
