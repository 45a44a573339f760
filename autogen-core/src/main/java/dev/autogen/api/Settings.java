package dev.autogen.api;

import dev.autogen.db.ConnectionSettings;
import dev.autogen.introspect.IntrospectionScope;
import dev.autogen.runner.RunOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What autogen works on.
 *
 * @param connection where the database is, asked only when a verb needs a database (so that an embedded
 *     server is started only then)
 * @param schema the default schema ({@code public} unless set)
 * @param versionTable the version table's name; its history table is named after it
 * @param excludeTables name patterns with {@code *}: such tables are never read, diffed or dropped
 * @param runOptions how long to wait for the migration lock and for busy tables
 */
public record Settings(
        Supplier<ConnectionSettings> connection, String schema, String versionTable, List<String> excludeTables, RunOptions runOptions) {

    public Settings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(versionTable, "versionTable");
        excludeTables = List.copyOf(excludeTables);
        Objects.requireNonNull(runOptions, "runOptions");
    }

    public static Settings of(ConnectionSettings connection) {
        return new Settings(() -> connection, "public", IntrospectionScope.DEFAULT_VERSION_TABLE, List.of(), RunOptions.DEFAULT);
    }

    public IntrospectionScope scope(List<String> otherSchemas) {
        return new IntrospectionScope(schema, otherSchemas, excludeTables, versionTable);
    }
}
