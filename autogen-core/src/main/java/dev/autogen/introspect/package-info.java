/**
 * The PostgreSQL introspector: reads the schema model from a live database in a fixed number of
 * catalog queries ({@code pg_catalog}, with {@code format_type}, {@code pg_get_expr}), whatever the
 * number of tables. Objects that belong to others are left out: sequences owned by identity and serial
 * columns, indexes that back constraints, autogen's own version tables and excluded tables.
 */
package dev.autogen.introspect;
