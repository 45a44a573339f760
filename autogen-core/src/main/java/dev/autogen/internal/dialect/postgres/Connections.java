package dev.autogen.internal.dialect.postgres;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections and turns the driver's failures into errors that name the cause and the fix. */
public final class Connections {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private Connections() {}

    public static Connection open(ConnectionSettings settings) {
        if (!settings.url().startsWith("jdbc:postgresql:")) {
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "url '" + settings.safeUrl() + "' is not a PostgreSQL JDBC URL",
                    "use jdbc:postgresql://HOST:PORT/DATABASE");
        }
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "autogen");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try {
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw failure(settings, e);
        }
    }

    private static AutogenException failure(ConnectionSettings settings, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = settings.safeUrl();
        if (state.equals("28P01") || state.equals("28000")) {
            return new AutogenException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    "the database at " + where + " refused user '" + settings.user() + "'",
                    "check user and password (AUTOGEN_USER, AUTOGEN_PASSWORD)",
                    e);
        }
        if (state.equals("3D000")) {
            return new AutogenException(
                    ErrorCode.DATABASE_MISSING,
                    "the database named in " + where + " does not exist",
                    "create it, or fix the database name in url",
                    e);
        }
        if (state.startsWith("08")) {
            return new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "cannot reach the database at " + where,
                    "check that PostgreSQL is running and that host and port in url are right",
                    e);
        }
        return new AutogenException(
                ErrorCode.DATABASE_ERROR,
                "connecting to " + where + " failed: " + e.getMessage(),
                "check url, user and password",
                e);
    }
}
