package dev.autogen.internal.dialect.postgres;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** Opens connections and turns the driver's failures into errors that name the cause and the fix. */
public final class Connections {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int LOGIN_TIMEOUT_SECONDS = 15;

    private Connections() {}

    public static Connection open(ConnectionSettings settings) {
        if (settings.dataSource() != null) {
            try {
                return settings.dataSource().getConnection();
            } catch (SQLException e) {
                throw failure(settings, e);
            }
        }
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
        // A port that accepts and never answers would hold the login for ever: bound it whole.
        properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        try {
            Connection connection = DriverManager.getConnection(settings.url(), properties);
            if (connection == null) {
                throw new SQLException("the driver does not take this URL", "08001");
            }
            return connection;
        } catch (SQLException e) {
            throw failure(settings, e);
        }
    }

    private static AutogenException failure(ConnectionSettings settings, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = settings.safeUrl();
        String message = ConnectionSettings.maskForeign(
                        String.valueOf(e.getMessage()),
                        settings.password() == null ? List.of() : List.of(settings.password()),
                        settings.user())
                .replaceAll("\\s+", " ")
                .strip();
        // The driver's own message may repeat the URL, password and all: only the masked text goes on.
        SQLException cause = new SQLException(message, e.getSQLState());
        if (message.toLowerCase(java.util.Locale.ROOT).contains("sslmode")) {
            return new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "the url's sslmode is not one the driver knows: " + message,
                    "use disable, allow, prefer, require, verify-ca or verify-full",
                    cause);
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("timed out") || message.contains("timeout")) {
            return new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "cannot reach the database at " + where + ": it gave no answer in time",
                    "check that host and port in url are PostgreSQL's, and that nothing between holds the connection",
                    cause);
        }
        if (settings.password() == null && message.contains("no password was provided")) {
            return new AutogenException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    "the database at " + where + " asked user '" + settings.user() + "' for a password, and none was"
                            + " given",
                    "give it in AUTOGEN_PASSWORD, password.file or ~/.pgpass",
                    cause);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new AutogenException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    "the database at " + where + " refused user '" + settings.user() + "'",
                    "check user and password (AUTOGEN_USER, AUTOGEN_PASSWORD)",
                    cause);
        }
        if (state.equals("3D000")) {
            return new AutogenException(
                    ErrorCode.DATABASE_MISSING,
                    "the database named in " + where + " does not exist",
                    "create it, or fix the database name in url",
                    cause);
        }
        if (state.startsWith("08")) {
            return new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "cannot reach the database at " + where,
                    "check that PostgreSQL is running and that host and port in url are right",
                    cause);
        }
        return new AutogenException(
                ErrorCode.DATABASE_ERROR,
                "connecting to " + where + " failed: " + message,
                "check url, user and password",
                cause);
    }
}
