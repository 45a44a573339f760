package dev.autogen.internal.dialect.mariadb;

import dev.autogen.api.Settings;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.dialect.StandInSchemas;
import dev.autogen.internal.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Asks MariaDB how it stores some DDL. MariaDB has no transactional DDL to roll back: the DDL is built in
 * stand-in databases made for it, read back, and the stand-ins are dropped whatever happens.
 */
final class MariaDbPrinter {

    private MariaDbPrinter() {}

    static Printed print(Connection connection, List<String> ddl, Map<String, String> schemas, String defaultSchema) {
        String standIn = schemas.getOrDefault(defaultSchema, defaultSchema);
        String catalog;
        try {
            catalog = connection.getCatalog();
        } catch (SQLException e) {
            return new Printed(null, oneLine(e.getMessage()));
        }
        try (Statement statement = connection.createStatement()) {
            try {
                for (String schema : schemas.values()) {
                    statement.execute("create database " + MariaDbNames.quote(schema));
                }
                // Hibernate writes the default schema's tables unqualified: they go to the current database.
                connection.setCatalog(standIn);
                for (String sql : ddl) {
                    statement.execute(sql);
                }
                List<String> others = schemas.values().stream()
                        .filter(s -> !s.equals(standIn))
                        .toList();
                Schema printed = MariaDbIntrospector.introspect(
                                connection,
                                new IntrospectionScope(standIn, others, List.of(), Settings.DEFAULT_VERSION_TABLE))
                        .schema();
                return new Printed(StandInSchemas.named(printed, schemas), null);
            } finally {
                connection.setCatalog(catalog);
                for (String schema : schemas.values()) {
                    statement.execute("drop database if exists " + MariaDbNames.quote(schema));
                }
            }
        } catch (SQLException e) {
            return new Printed(null, oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
