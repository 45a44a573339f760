package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresNames.quote;

import dev.autogen.api.Settings;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks PostgreSQL how it stores some DDL: builds it in stand-in schemas inside a transaction, reads the
 * catalog, and rolls back. One round trip for the DDL, then the introspector's usual queries.
 */
final class PostgresPrinter {

    private PostgresPrinter() {}

    static Printed print(Connection connection, List<String> ddl, Map<String, String> schemas, String defaultSchema) {
        String standIn = schemas.getOrDefault(defaultSchema, defaultSchema);
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            return new Printed(null, oneLine(e.getMessage()));
        }
        try (Statement statement = connection.createStatement()) {
            String path;
            try (ResultSet rs = statement.executeQuery("show search_path")) {
                rs.next();
                path = rs.getString(1);
            }
            for (String schema : schemas.values()) {
                statement.addBatch("create schema " + quote(schema));
            }
            statement.addBatch("set local search_path = " + quote(standIn) + (path.isBlank() ? "" : ", " + path));
            ddl.forEach(sql -> {
                try {
                    statement.addBatch(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            statement.executeBatch();
            List<String> others =
                    schemas.values().stream().filter(s -> !s.equals(standIn)).toList();
            Schema printed = PostgresIntrospector.introspect(
                            connection,
                            new IntrospectionScope(standIn, others, List.of(), Settings.DEFAULT_VERSION_TABLE))
                    .schema();
            return new Printed(renamed(printed, reverse(schemas)), null);
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            return new Printed(null, oneLine(cause.getMessage()));
        } finally {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // Nothing of the stand-ins was committed; a broken connection fails the next statement anyway.
            }
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    private static Map<String, String> reverse(Map<String, String> schemas) {
        Map<String, String> reverse = new HashMap<>();
        schemas.forEach((real, standIn) -> reverse.put(standIn, real));
        return reverse;
    }

    /** The model with each stand-in schema named as the real one. */
    private static Schema renamed(Schema schema, Map<String, String> real) {
        return new Schema(
                schema.namespaces().stream().map(n -> real.getOrDefault(n, n)).toList(),
                schema.tables().stream().map(t -> table(t, real)).toList(),
                schema.sequences().stream()
                        .map(s -> new Sequence(
                                name(s.name(), real),
                                s.dataType(),
                                s.start(),
                                s.increment(),
                                s.min(),
                                s.max(),
                                s.cache(),
                                s.cycle()))
                        .toList(),
                schema.enumTypes().stream()
                        .map(e -> new EnumType(name(e.name(), real), e.labels(), e.varcharCasts()))
                        .toList());
    }

    private static Table table(Table table, Map<String, String> real) {
        return new Table(
                name(table.name(), real),
                table.columns(),
                table.primaryKey(),
                table.uniqueConstraints(),
                table.foreignKeys().stream()
                        .map(k -> new ForeignKey(
                                k.name(),
                                k.columns(),
                                name(k.target(), real),
                                k.targetColumns(),
                                k.onDelete(),
                                k.onUpdate(),
                                k.deferrable(),
                                k.initiallyDeferred()))
                        .toList(),
                table.checks(),
                table.indexes(),
                table.comment());
    }

    private static QualifiedName name(QualifiedName name, Map<String, String> real) {
        return new QualifiedName(real.getOrDefault(name.schema(), name.schema()), name.name());
    }
}
