/**
 * Canonical spellings of PostgreSQL types, identifiers and expressions, shared by both readers so that
 * the same schema read from entities and from the catalog gives equal records.
 *
 * <p>The canonical type is what {@code format_type} prints; the canonical expression is what
 * {@code pg_get_expr} prints, reduced further where PostgreSQL's rewriting of Hibernate's text carries
 * no meaning (casts of literals, {@code IN} lists spelt as {@code = ANY (ARRAY[...])}, redundant
 * parentheses). Depends on nothing but the JDK.
 */
package dev.autogen.canonical;
