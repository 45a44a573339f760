package dev.autogen.internal.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Asks PostgreSQL whether it can cast one type to another. Its rules (binary coercions, catalogued casts,
 * text conversions through a type's input and output, arrays, domains) are its own: it is asked to plan the
 * cast of a null. The type text may come from an entity, so it is never run as written: PostgreSQL reads
 * each type name first, and the cast is planned over the names it gives back.
 */
final class PostgresCasts {

    /** {@code cannot_coerce}: no cast between the types. */
    private static final String CANNOT_COERCE = "42846";

    private PostgresCasts() {}

    static boolean converts(Connection connection, String from, String to) {
        try {
            String fromType = typeName(connection, from);
            String toType = typeName(connection, to);
            if (fromType == null || toType == null) {
                return true;
            }
            return planned(connection, "select cast(cast(null as " + fromType + ") as " + toType + ")");
        } catch (SQLException e) {
            return true;
        }
    }

    /** The type as PostgreSQL names it, quoted where needed, or {@code null} if it names none. */
    private static String typeName(Connection connection, String type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regtype(?)::text")) {
            statement.setString(1, type);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean planned(Connection connection, String query) throws SQLException {
        // Inside a transaction a failed statement would spoil it: the question is asked under a savepoint.
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(query);
            return true;
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if (CANNOT_COERCE.equals(e.getSQLState())) {
                return false;
            }
            return true;
        } finally {
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        }
    }
}
