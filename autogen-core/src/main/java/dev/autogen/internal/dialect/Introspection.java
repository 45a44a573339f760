package dev.autogen.internal.dialect;

import dev.autogen.internal.schema.Schema;

/** A schema read from a database, and how many catalog queries reading it took. */
public record Introspection(Schema schema, int catalogQueries) {}
