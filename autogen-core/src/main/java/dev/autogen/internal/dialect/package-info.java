/**
 * The seam between autogen and a database: {@link dev.autogen.internal.dialect.Dialect} says all that is
 * particular to one, and the facade picks it from the URL. Each
 * database's implementation lives in a subpackage of its own (PostgreSQL's in {@code postgres}).
 */
package dev.autogen.internal.dialect;
