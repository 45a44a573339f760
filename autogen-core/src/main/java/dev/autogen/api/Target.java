package dev.autogen.api;

import java.util.Objects;

/**
 * One database schema of a fleet, with the version table of its own.
 *
 * @param name how reports name it: the schema for a schema of the configured database, else the name the
 *     list gives or the url without its password, then {@code /schema} when a pattern picked the schema
 * @param connection where its database is
 * @param schema the schema its tables and version table live in
 */
public record Target(String name, ConnectionSettings connection, String schema) {

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String toString() {
        return name;
    }
}
