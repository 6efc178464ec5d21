/** The coded-event record that every later stage, store and export keeps. */
@NullMarked
package org.annals.event;

import org.jspecify.annotations.NullMarked;
