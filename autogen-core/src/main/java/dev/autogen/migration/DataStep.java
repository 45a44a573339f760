package dev.autogen.migration;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Java code that a migration runs on the database: a backfill, a conversion, anything SQL alone says
 * badly. It runs on the migration's own connection, inside its transaction, between the operations
 * before and after it; it must not commit or roll back.
 *
 * <p>An offline script ({@code autogen upgrade --sql}) cannot run Java: a step there needs the SQL that
 * does the same, given with {@link #withOfflineSql}, or the script is refused.
 */
@FunctionalInterface
public interface DataStep {

    void run(Connection connection) throws SQLException;

    /** The SQL an offline script runs in this step's place, or {@code null} when there is none. */
    default String offlineSql() {
        return null;
    }

    /** {@code step}, with {@code sql} to stand in for it in offline scripts. */
    static DataStep withOfflineSql(String sql, DataStep step) {
        return new DataStep() {
            @Override
            public void run(Connection connection) throws SQLException {
                step.run(connection);
            }

            @Override
            public String offlineSql() {
                return sql;
            }
        };
    }
}
