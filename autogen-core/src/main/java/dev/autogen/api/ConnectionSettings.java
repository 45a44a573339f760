package dev.autogen.api;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
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
        return mask(text, password == null ? List.of() : List.of(password), user);
    }

    /**
     * {@code text} with each secret masked where it stands: a URL's {@code password=} parameter and user
     * information, a {@code password} key's value, and a secret quoted whole ({@code 's3cret'}, as a command
     * line's or a driver's error quotes what it was given). Never as a part of other text: a password
     * {@code postgres} leaves {@code jdbc:postgresql:} alone and {@code database} leaves "cannot reach the
     * database" whole, so that the stars neither garble a message nor show where the secret was. A secret
     * equal to the user name is masked only where it stands as a password: masking the name would say it.
     */
    public static String mask(String text, Collection<String> secrets, String user) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***")
                .replaceAll("//([^/@:\\s]+):[^/@\\s]*@", "//$1:***@")
                .replaceAll("(?i)(\\bpassword\\s*[:=]\\s*)[^,;&\\s}\\]]+", "$1***");
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && !secret.equals(user)) {
                masked = masked.replaceAll("(['\"])" + Pattern.quote(secret) + "\\1", "$1***$1");
            }
        }
        return masked;
    }

    /**
     * Text another library wrote (a driver's log line, a stack trace), masked as {@link #mask(String,
     * Collection, String)} does and also wherever a secret stands as a token of its own, between blanks or
     * a URL's punctuation: such text may quote a secret any way, and is not autogen's to keep whole.
     */
    public static String maskForeign(String text, Collection<String> secrets, String user) {
        String masked = mask(text, secrets, user);
        if (masked == null) {
            return null;
        }
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && !secret.equals(user)) {
                masked = masked.replaceAll("(?<![\\p{Alnum}_])" + Pattern.quote(secret) + "(?![\\p{Alnum}_])", "***");
            }
        }
        return masked;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
