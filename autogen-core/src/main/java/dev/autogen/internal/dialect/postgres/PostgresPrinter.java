package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresNames.quote;

import dev.autogen.api.Settings;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.dialect.StandInSchemas;
import dev.autogen.internal.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
            return new Printed(StandInSchemas.named(printed, schemas), null);
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
}
