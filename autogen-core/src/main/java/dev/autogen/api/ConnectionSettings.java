package dev.autogen.api;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where the database is and who connects, or the application's own {@link DataSource}. The password is
 * never printed: see {@link #toString()}.
 *
 * @param dataSource connections come from it when given (the url and user are then what it reports)
 */
public record ConnectionSettings(String url, String user, String password, DataSource dataSource) {

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
    }

    public ConnectionSettings(String url, String user, String password) {
        this(url, user, password, null);
    }

    /**
     * The connections of an application's {@code DataSource} (a pool, say): autogen borrows one per
     * command and gives it back as it found it.
     */
    public static ConnectionSettings of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            return new ConnectionSettings(metadata.getURL(), metadata.getUserName(), null, dataSource);
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "the DataSource gives no connection: " + e.getMessage(),
                    "check the application's database settings",
                    e);
        }
    }

    /** The URL without any password it carries. */
    public String safeUrl() {
        return mask(url);
    }

    /**
     * {@code text} with this password, and any password a URL in it carries ({@code password=...},
     * {@code user:password@host}), replaced by {@code ***}: every message and trace goes through it.
     */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***")
                .replaceAll("//([^/@:\\s]+):[^/@\\s]*@", "//$1:***@");
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "***");
        }
        return masked;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
