package dev.autogen.internal.dialect.mariadb;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.LockSafeForms;
import dev.autogen.internal.dialect.Names;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.dialect.RowFacts;
import dev.autogen.internal.dialect.ScriptSyntax;
import dev.autogen.internal.dialect.ValueConversion;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropIndex;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.TypeChanges;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.ValueDomain;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * MariaDB (10.6 and later; tested on 10.11). Every DDL statement commits on its own there, so each runs as
 * a step of its own, and a migration that fails part way is undone step by step by the runner. The session
 * runs strict (a value that does not fit fails instead of being cut), in UTC.
 */
public final class MariaDbDialect implements Dialect {

    /** For a server of a version not known yet: Hibernate generates for 10.11. */
    public static final MariaDbDialect INSTANCE = new MariaDbDialect("10.11");

    /** A statement that commits what came before it and itself: DDL. */
    /** DDL, and the blocks autogen writes around DDL whose form the catalog decides (a column's check). */
    private static final Pattern IMPLICIT_COMMIT =
            Pattern.compile("(?is)\\s*(create|alter|drop|rename|truncate|begin\\s+not\\s+atomic)\\s.*");

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?i)(^|;)\\s*(begin|commit|rollback|start\\s+transaction|savepoint|release|xa|set\\s+autocommit)\\b");

    /** The longest wait {@code lock_wait_timeout} takes, a year: what "for ever" is. */
    private static final long FOR_EVER_SECONDS = 31_536_000;

    private final MariaDbDiffRules diffRules = new MariaDbDiffRules();
    private final MariaDbTypeChanges typeChanges = new MariaDbTypeChanges();
    private final String hibernateVersion;

    private MariaDbDialect(String hibernateVersion) {
        this.hibernateVersion = hibernateVersion;
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public Dialect atServerVersion(String majorVersion) {
        return majorVersion.equals(hibernateVersion) ? this : new MariaDbDialect(majorVersion);
    }

    // ---------------------------------------------------------------- sessions

    /** {@code 10.11} of {@code 10.11.18-MariaDB-0+deb12u1}. */
    @Override
    public String serverVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select version()")) {
            rs.next();
            String[] parts = rs.getString(1).split("[.-]");
            return parts[0] + "." + parts[1];
        } catch (SQLException e) {
            throw new IllegalStateException("reading the server's version failed", e);
        }
    }

    @Override
    public Connection connect(ConnectionSettings settings) {
        try {
            if (settings.dataSource() != null) {
                return settings.dataSource().getConnection();
            }
            Properties properties = new Properties();
            if (settings.user() != null) {
                properties.setProperty("user", settings.user());
            }
            if (settings.password() != null) {
                properties.setProperty("password", settings.password());
            }
            properties.setProperty("connectTimeout", "10000");
            Connection connection = DriverManager.getConnection(settings.url(), properties);
            if (connection == null) {
                throw new SQLException("the driver does not take this URL", "08001");
            }
            return connection;
        } catch (SQLException e) {
            String message = settings.mask(String.valueOf(e.getMessage()))
                    .replaceAll("\\s+", " ")
                    .strip();
            SQLException cause = new SQLException(message, e.getSQLState(), e.getErrorCode());
            throw switch (e.getErrorCode()) {
                case 1045 ->
                    new AutogenException(
                            ErrorCode.AUTHENTICATION_FAILED,
                            "the database at " + settings.safeUrl() + " refused user '" + settings.user() + "'",
                            "check user and password (AUTOGEN_USER, AUTOGEN_PASSWORD)",
                            cause);
                case 1049 ->
                    new AutogenException(
                            ErrorCode.DATABASE_MISSING,
                            "the database named in " + settings.safeUrl() + " does not exist",
                            "create it, or fix the database name in url",
                            cause);
                default ->
                    new AutogenException(
                            ErrorCode.DATABASE_UNREACHABLE,
                            "cannot reach the database at " + settings.safeUrl() + ": " + message,
                            "check that MariaDB is running and that host and port in url are right",
                            cause);
            };
        }
    }

    @Override
    public boolean tryLock(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select get_lock(?, 0)")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public String lockHolder(Connection connection, String name) throws SQLException {
        try (PreparedStatement who = connection.prepareStatement(
                "select p.id, p.user, p.host, p.time, p.state from information_schema.processlist p"
                        + " where p.id = is_used_lock(?)")) {
            who.setString(1, name);
            try (ResultSet rs = who.executeQuery()) {
                if (!rs.next()) {
                    return "a session that has since gone";
                }
                return "connection " + rs.getLong("id") + ", user " + rs.getString("user") + " from "
                        + rs.getString("host") + ", for " + rs.getLong("time") + " s";
            }
        }
    }

    @Override
    public void unlock(Connection connection, String name) {
        try {
            if (!connection.isClosed()) {
                try (PreparedStatement unlock = connection.prepareStatement("do release_lock(?)")) {
                    unlock.setString(1, name);
                    unlock.execute();
                }
            }
        } catch (SQLException ignored) {
            // The session is gone or broken; MariaDB released its named locks with it.
        }
    }

    @Override
    public void useSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("use " + MariaDbNames.quote(schema));
        }
    }

    @Override
    public List<String> schemaNames(Connection connection) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select schema_name from information_schema.schemata where"
                        + " schema_name not in ('mysql', 'information_schema', 'performance_schema', 'sys')"
                        + " order by cast(schema_name as binary)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** UTC, and strict: a value that does not fit a column fails the statement instead of being cut. */
    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session time_zone = '+00:00'");
            statement.execute("set session sql_mode = concat_ws(',', nullif(@@session.sql_mode, ''),"
                    + " 'STRICT_ALL_TABLES', 'NO_ZERO_DATE', 'NO_ZERO_IN_DATE', 'ERROR_FOR_DIVISION_BY_ZERO')");
        }
    }

    @Override
    public List<String> sessionRestore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select @@session.time_zone, @@session.sql_mode,"
                        + " @@session.lock_wait_timeout, @@session.innodb_lock_wait_timeout,"
                        + " @@session.max_statement_time, database()")) {
            rs.next();
            List<String> restore = new java.util.ArrayList<>(List.of(
                    "set session time_zone = " + MariaDbNames.literal(rs.getString(1)),
                    "set session sql_mode = " + MariaDbNames.literal(rs.getString(2)),
                    "set session lock_wait_timeout = " + rs.getLong(3),
                    "set session innodb_lock_wait_timeout = " + rs.getLong(4),
                    "set session max_statement_time = " + rs.getString(5)));
            if (rs.getString(6) != null) {
                restore.add("use " + MariaDbNames.quote(rs.getString(6)));
            }
            return restore;
        }
    }

    @Override
    public void setLockTimeout(Connection connection, Duration timeout) throws SQLException {
        // Whole seconds, at least one: MariaDB takes no less.
        long seconds = timeout.isZero() ? FOR_EVER_SECONDS : Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session lock_wait_timeout = " + seconds);
            statement.execute("set session innodb_lock_wait_timeout = " + Math.min(seconds, 1_073_741_824));
        }
    }

    @Override
    public void setStatementTimeout(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session max_statement_time = " + timeout.toMillis() / 1000.0);
        }
    }

    @Override
    public void cancel(Connection connection) {
        try {
            connection.unwrap(org.mariadb.jdbc.Connection.class).cancelCurrentQuery();
        } catch (SQLException ignored) {
            // Nothing runs, or the connection is gone: either way nothing is left to cancel.
        }
    }

    @Override
    public Failure classify(SQLException error) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        return switch (error.getErrorCode()) {
            case 1205, 1213 -> Failure.LOCK_TIMEOUT;
            case 1317, 1969, 3024 -> Failure.CANCELLED;
            case 1044, 1045, 1142, 1143, 1227 -> Failure.PERMISSION_DENIED;
            case 1290, 1792, 1836 -> Failure.READ_ONLY;
            default -> state.startsWith("08") ? Failure.CONNECTION_LOST : Failure.OTHER;
        };
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public Introspection introspect(Connection connection, IntrospectionScope scope) {
        return MariaDbIntrospector.introspect(connection, scope);
    }

    @Override
    public List<String> notReproduced(Connection connection, IntrospectionScope scope) {
        return MariaDbIntrospector.notReproduced(connection, scope);
    }

    @Override
    public Printed print(Connection connection, List<String> ddl, Map<String, String> schemas, String defaultSchema) {
        return MariaDbPrinter.print(connection, ddl, schemas, defaultSchema);
    }

    /** MariaDB converts between any two types, and the strict session fails where a value does not fit. */
    @Override
    public boolean converts(Connection connection, String from, String to) {
        return true;
    }

    @Override
    public Schema canonical(Schema schema) {
        return MariaDbCanonical.of(schema);
    }

    // ---------------------------------------------------------------- spelling

    @Override
    public Names names() {
        return MariaDbNames.INSTANCE;
    }

    @Override
    public DiffRules diffRules() {
        return diffRules;
    }

    @Override
    public TypeChanges typeChanges() {
        return typeChanges;
    }

    @Override
    public String hibernateDatabaseName() {
        return "MariaDB";
    }

    @Override
    public String hibernateDatabaseVersion() {
        return hibernateVersion;
    }

    // ---------------------------------------------------------------- review

    @Override
    public Optional<Risk> risk(Operation operation, List<Operation> before) {
        return MariaDbRisks.of(operation);
    }

    /**
     * Indexes and unique keys built and dropped online, saying so ({@code algorithm=inplace, lock=none}),
     * and columns added as a change of the table's definition alone ({@code algorithm=instant}): should
     * MariaDB need to block writes or copy the table for one after all, the statement fails at once instead.
     * A column MariaDB never adds so (an auto-increment or stored generated one, or one whose default is
     * computed) keeps the plain form, with its risk. A column is dropped instantly too: the indexes and keys
     * that hold it, which MariaDB could drop only by rebuilding the table, go before it in the migration.
     */
    @Override
    public List<List<Operation>> lockSafe(List<Operation> operations) {
        return LockSafeForms.ofEachStatement(operations, operation -> {
            if (operation instanceof AddColumn add && MariaDbRisks.addsInstantly(add.column())) {
                return List.of(new AddColumn(add.table(), add.column(), true));
            } else if (operation instanceof DropColumn drop) {
                return List.of(new DropColumn(drop.table(), drop.column(), true));
            } else if (operation instanceof CreateIndex create) {
                return List.of(new CreateIndex(create.table(), create.index(), true));
            } else if (operation instanceof DropIndex drop) {
                return List.of(new DropIndex(drop.table(), drop.index(), true));
            } else if (operation instanceof AddUniqueConstraint unique) {
                return List.of(new AddUniqueConstraint(unique.table(), unique.constraint(), true));
            }
            return List.of(operation);
        });
    }

    @Override
    public List<String> lockSafeRemarks(Operation form) {
        String failsFast = " while reads and writes go on; should MariaDB need to block writes for it after all, the"
                + " statement fails at once instead, and the migration is undone.";
        if (form instanceof AddColumn add && add.instantly()) {
            return List.of("Lock-safe: added instantly (algorithm=instant), a change of the table's definition alone,"
                    + " while reads and writes go on; should MariaDB need to copy " + add.table()
                    + " for it after all, the statement fails at once instead, and the migration is undone.");
        } else if (form instanceof DropColumn drop && drop.instantly()) {
            return List.of("Lock-safe: dropped instantly (algorithm=instant), a change of the table's definition"
                    + " alone; should MariaDB need to rebuild " + drop.table()
                    + " for it after all, the statement fails at once instead, and the migration is undone.");
        } else if (form instanceof CreateIndex create && create.concurrently()) {
            return List.of("Lock-safe: built online (algorithm=inplace, lock=none)," + failsFast);
        } else if (form instanceof AddUniqueConstraint unique && unique.concurrently()) {
            return List.of("Lock-safe: its unique index is built online (algorithm=inplace, lock=none)," + failsFast
                    + " Fails if " + unique.table() + " holds duplicates.");
        } else if (form instanceof DropIndex drop && drop.concurrently()) {
            return List.of("Lock-safe: dropped online (algorithm=inplace, lock=none)," + failsFast);
        }
        return List.of();
    }

    @Override
    public RowFacts.Queries rowFactQueries() {
        return ROW_FACTS;
    }

    private static final RowFacts.Queries ROW_FACTS = new RowFacts.Queries(
            MariaDbNames::quote,
            MariaDbSql::name,
            table -> "select table_rows from information_schema.tables where table_schema = "
                    + MariaDbNames.literal(table.schema()) + " and table_name = " + MariaDbNames.literal(table.name())
                    + " and table_type = 'BASE TABLE'",
            "InnoDB's estimate",
            List.of("set transaction read only"),
            // Seconds; the limit of the one statement, so the session's own setting stays as it was.
            query -> "set statement max_statement_time = " + RowFacts.STATEMENT_TIMEOUT_MS / 1000.0 + " for " + query);

    @Override
    public Optional<ValueConversion> keepMeaning(AlterColumn alter, ValueDomain domain) {
        return MariaDbMeanings.of(alter, domain);
    }

    @Override
    public Operation inTransaction(Operation operation) {
        return operation;
    }

    // ---------------------------------------------------------------- SQL

    @Override
    public List<String> render(Operation operation) {
        return MariaDbSql.INSTANCE.render(operation);
    }

    @Override
    public boolean runsOutsideTransaction(String statement) {
        return IMPLICIT_COMMIT.matcher(statement).matches();
    }

    @Override
    public boolean runsAlone(String statement) {
        return runsOutsideTransaction(statement);
    }

    @Override
    public Optional<String> cleanupAfterFailed(String statement) {
        return Optional.empty();
    }

    @Override
    public Optional<String> refusals(Operation operation, List<Operation> before) {
        return Optional.empty();
    }

    @Override
    public String refusalGuard(String refusals, String what, String then) {
        return "begin not atomic if exists (" + refusals + ") then signal sqlstate '45000' set message_text = "
                + MariaDbNames.literal("autogen: " + what + " would fail; " + then) + "; end if; end";
    }

    @Override
    public Optional<List<String>> undoUncertain(Operation operation, int run) {
        if (operation instanceof AlterColumn alter) {
            return MariaDbSql.undoAlterColumn(alter, run);
        }
        return Optional.empty();
    }

    /**
     * The guards are compound statements with semicolons of their own, so the script sets the client's
     * delimiter; the client stops at the first error when it reads a script from its input.
     */
    private static final ScriptSyntax SCRIPT = new ScriptSyntax(
            List.of(
                    "-- Run it with the mariadb client (mariadb DATABASE < FILE), which stops at the first error.",
                    "-- MariaDB commits each DDL statement on its own: if one fails, the history marks how far its"
                            + " migration got,",
                    "-- and 'autogen upgrade' completes it or 'autogen downgrade' undoes it.",
                    "-- Statements end with // (the next line), as the guards hold semicolons of their own.",
                    "delimiter //"),
            "//");

    @Override
    public ScriptSyntax scriptSyntax() {
        return SCRIPT;
    }

    @Override
    public VersionTableSql versionTables(String schema, String versionTable) {
        return new MariaDbVersionTables(schema, versionTable);
    }

    @Override
    public boolean controlsTransaction(String sql) {
        String bare = sql.replaceAll("(?s)'(?:[^'\\\\]|''|\\\\.)*'|`(?:[^`]|``)*`|--[^\\n]*|#[^\\n]*|/\\*.*?\\*/", " ");
        return TRANSACTION_CONTROL.matcher(bare).find();
    }
}
