/**
 * The differ: a pure, deterministic function from the current and the target schema model to the
 * operations that turn one into the other, ordered so that they run. No I/O.
 */
package dev.autogen.internal.diff;
