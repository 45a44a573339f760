/**
 * The schema model: immutable records that both readers produce and the rest of the pipeline compares.
 *
 * <p>Names are stored as the database knows them (unquoted identifiers already folded to lower case on
 * PostgreSQL). Types and expressions are stored in a canonical spelling, so that two models of the same
 * schema are equal records whichever reader made them. A constraint or index whose {@code name} is
 * {@code null} is one whose name the database chooses; such objects are matched by what they are.
 *
 * <p>This package imports nothing else of autogen's.
 */
package dev.autogen.internal.schema;
