/**
 * The revision graph: revisions, the revisions each revises (two or more for a merge), branch labels and
 * dependencies; heads, bases, branch and merge points; targets ({@code head}, {@code heads}, {@code base},
 * ids and prefixes, {@code label@head}, relative steps) and the plans between two points. Pure, in memory.
 */
package dev.autogen.internal.revision;
