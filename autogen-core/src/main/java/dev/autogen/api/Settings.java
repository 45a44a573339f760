package dev.autogen.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What autogen works on, and how.
 *
 * @param connection where the database is, asked only when a verb needs a database (so that an embedded
 *     server is started only then)
 * @param schema the default schema ({@code public} unless set); names in it are written without it
 * @param versionTable the version table's name; its history table is named after it
 * @param excludeTables name patterns with {@code *}: such tables are never read, diffed or dropped
 * @param ignore objects {@code check} and {@code revision --autogenerate} leave alone: {@code KIND} or
 *     {@code KIND:PATTERN}, the kinds {@code table}, {@code column}, {@code index}, {@code constraint},
 *     {@code primary_key}, {@code unique}, {@code check}, {@code foreign_key}, {@code sequence},
 *     {@code enum_type}, {@code comment}
 * @param runOptions how long to wait for the migration lock and for busy tables
 * @param listener hears each migration start and end while a run goes
 * @param scratch an empty database autogen may fill and leave to be thrown away, to build the history's
 *     schema when its migrations run SQL or Java that cannot be replayed in memory; {@code null} for none
 * @param url the database's JDBC url when it is known without connecting ({@code null} for an embedded
 *     server or a DataSource): which database the commands that connect to none write and compare for
 *     ({@code lint}, {@code squash}, {@code revision --from-history}); PostgreSQL when it is not known
 */
public record Settings(
        Supplier<ConnectionSettings> connection,
        String schema,
        String versionTable,
        List<String> excludeTables,
        List<String> ignore,
        RunOptions runOptions,
        RunListener listener,
        Supplier<ConnectionSettings> scratch,
        String url) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_VERSION_TABLE = "autogen_version";

    /** The database a MariaDB url names: {@code shop} of {@code jdbc:mariadb://host:3306/shop?user=app}. */
    private static final java.util.regex.Pattern MARIADB_DATABASE =
            java.util.regex.Pattern.compile("jdbc:mariadb:[a-z:]*//[^/]*/([^/?;&]+).*");

    public Settings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(versionTable, "versionTable");
        excludeTables = List.copyOf(excludeTables);
        ignore = List.copyOf(ignore);
        Objects.requireNonNull(runOptions, "runOptions");
        Objects.requireNonNull(listener, "listener");
    }

    /** Settings whose url is not known before connecting. */
    public Settings(
            Supplier<ConnectionSettings> connection,
            String schema,
            String versionTable,
            List<String> excludeTables,
            List<String> ignore,
            RunOptions runOptions,
            RunListener listener,
            Supplier<ConnectionSettings> scratch) {
        this(connection, schema, versionTable, excludeTables, ignore, runOptions, listener, scratch, null);
    }

    /** Settings with no scratch database. */
    public Settings(
            Supplier<ConnectionSettings> connection,
            String schema,
            String versionTable,
            List<String> excludeTables,
            List<String> ignore,
            RunOptions runOptions,
            RunListener listener) {
        this(connection, schema, versionTable, excludeTables, ignore, runOptions, listener, null, null);
    }

    /**
     * The defaults: schema {@link #defaultSchemaFor the database's own}, version table {@code autogen_version},
     * nothing excluded.
     */
    public static Settings of(ConnectionSettings connection) {
        return new Settings(
                () -> connection,
                defaultSchemaFor(connection.url()),
                DEFAULT_VERSION_TABLE,
                List.of(),
                List.of(),
                RunOptions.DEFAULT,
                RunListener.NONE,
                null,
                connection.url());
    }

    /**
     * Where a database keeps the names a statement does not qualify: PostgreSQL's {@code public}; on MariaDB,
     * where a schema is a database, the database the url names ({@code jdbc:mariadb://host/shop} -> {@code
     * shop}).
     */
    public static String defaultSchemaFor(String url) {
        if (url != null) {
            java.util.regex.Matcher mariaDb = MARIADB_DATABASE.matcher(url);
            if (mariaDb.matches()) {
                return mariaDb.group(1);
            }
        }
        return DEFAULT_SCHEMA;
    }

    public Settings withListener(RunListener newListener) {
        return new Settings(
                connection, schema, versionTable, excludeTables, ignore, runOptions, newListener, scratch, url);
    }

    public Settings withIgnore(List<String> rules) {
        return new Settings(connection, schema, versionTable, excludeTables, rules, runOptions, listener, scratch, url);
    }

    public Settings withScratch(Supplier<ConnectionSettings> database) {
        return new Settings(
                connection, schema, versionTable, excludeTables, ignore, runOptions, listener, database, url);
    }

    /** On another database, whose url is not known before connecting. */
    public Settings withConnection(Supplier<ConnectionSettings> database) {
        return new Settings(database, schema, versionTable, excludeTables, ignore, runOptions, listener, scratch, null);
    }
}
