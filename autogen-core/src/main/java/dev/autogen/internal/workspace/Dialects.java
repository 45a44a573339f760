package dev.autogen.internal.workspace;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.mariadb.MariaDbDialect;
import dev.autogen.internal.dialect.postgres.PostgresDialect;

/** The dialect for a JDBC URL. */
public final class Dialects {

    private Dialects() {}

    /** The dialect of the database {@code url} points at; {@code safeUrl} is how messages show it. */
    public static Dialect forUrl(String url, String safeUrl) {
        if (url.startsWith("jdbc:postgresql:")) {
            return PostgresDialect.INSTANCE;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return MariaDbDialect.INSTANCE;
        }
        if (url.startsWith("jdbc:mysql:")) {
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "url '" + safeUrl + "' is a MySQL URL, and MySQL is not supported (nothing is tested on it)",
                    "for MariaDB use jdbc:mariadb://HOST:PORT/DATABASE");
        }
        throw new AutogenException(
                ErrorCode.DATABASE_UNREACHABLE,
                "url '" + safeUrl + "' is not a PostgreSQL or MariaDB JDBC URL",
                "use jdbc:postgresql://HOST:PORT/DATABASE or jdbc:mariadb://HOST:PORT/DATABASE");
    }

    /** The dialect used where no database is named: for generating from entities alone. */
    public static Dialect standard() {
        return PostgresDialect.INSTANCE;
    }
}
