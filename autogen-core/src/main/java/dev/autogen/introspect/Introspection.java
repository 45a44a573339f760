package dev.autogen.introspect;

import dev.autogen.schema.Schema;

/** A schema read from a database, and how many catalog queries reading it took. */
public record Introspection(Schema schema, int catalogQueries) {}
