package dev.autogen.internal.dialect.postgres;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.Names;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.dialect.RowFacts;
import dev.autogen.internal.dialect.ScriptSyntax;
import dev.autogen.internal.dialect.ValueConversion;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.TypeChanges;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.ValueDomain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;

/** PostgreSQL (12 and later; Hibernate is told 15). */
public final class PostgresDialect implements Dialect {

    /** For a server of a version not known yet: Hibernate generates for 15. */
    public static final PostgresDialect INSTANCE = new PostgresDialect("15");

    /** Statements PostgreSQL refuses to run inside a transaction block. */
    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "(?is)\\s*(create\\s+(unique\\s+)?index\\s+concurrently|drop\\s+index\\s+concurrently|reindex\\b.*\\bconcurrently"
                    + "|vacuum\\b|create\\s+database|drop\\s+database|alter\\s+system).*");

    /** A validation, which holds only a lock that lets traffic go on, unless its transaction holds more. */
    private static final Pattern VALIDATION =
            Pattern.compile("(?is)\\s*alter\\s+table\\s[^;]*\\svalidate\\s+constraint\\s[^;]*");

    private static final String NAME = "(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)";

    /** A concurrent build as autogen writes it: the index's name, and the table's schema when it says one. */
    private static final Pattern CONCURRENT_BUILD =
            Pattern.compile("(?is)\\s*create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(" + NAME
                    + ")\\s+on\\s+(?:only\\s+)?(?:(" + NAME + ")\\.)?" + NAME + "\\s.*");

    /** Transaction control, at the start of the statement or after a semicolon. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?i)(^|;)\\s*(begin|commit|rollback|abort|end|start\\s+transaction|savepoint|release|prepare\\s+transaction)\\b");

    private final PostgresDiffRules diffRules = new PostgresDiffRules();
    private final PostgresTypeChanges typeChanges = new PostgresTypeChanges();

    /** The version Hibernate is told it generates for. */
    private final String hibernateVersion;

    private PostgresDialect(String hibernateVersion) {
        this.hibernateVersion = hibernateVersion;
    }

    @Override
    public Dialect atServerVersion(String majorVersion) {
        return majorVersion.equals(hibernateVersion) ? this : new PostgresDialect(majorVersion);
    }

    @Override
    public String serverVersion(Connection connection) {
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rs =
                        statement.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return Integer.toString(rs.getInt(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("reading the server's version failed", e);
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Connection connect(ConnectionSettings settings) {
        return Connections.open(settings);
    }

    @Override
    public Introspection introspect(Connection connection, IntrospectionScope scope) {
        return PostgresIntrospector.introspect(connection, scope);
    }

    @Override
    public List<String> notReproduced(Connection connection, IntrospectionScope scope) {
        return PostgresIntrospector.notReproduced(connection, scope);
    }

    @Override
    public Printed print(Connection connection, List<String> ddl, Map<String, String> schemas, String defaultSchema) {
        return PostgresPrinter.print(connection, ddl, schemas, defaultSchema);
    }

    @Override
    public boolean converts(Connection connection, String from, String to) {
        // Large objects are converted through their functions, not a cast.
        return PostgresTypeChanges.largeObject(from, to) || PostgresCasts.converts(connection, from, to);
    }

    @Override
    public Optional<Risk> risk(Operation operation, List<Operation> before) {
        return operation.accept(new PostgresRisks(before));
    }

    @Override
    public List<List<Operation>> lockSafe(List<Operation> operations) {
        return new PostgresLockSafeForms(Integer.parseInt(hibernateVersion) >= 18).of(operations);
    }

    @Override
    public List<String> lockSafeRemarks(Operation form) {
        if (form instanceof AddUniqueConstraint unique && unique.concurrently()) {
            return List.of("Lock-safe: its unique index is built concurrently, outside the migration's transaction,"
                    + " while reads and writes go on; the constraint then takes it over in a moment. Fails if "
                    + unique.table() + " holds duplicates, and drops the index it began.");
        } else if (form instanceof CreateIndex create && create.concurrently()) {
            return List.of("Lock-safe: built concurrently, outside the migration's transaction, while reads and writes"
                    + " go on.");
        } else if (form instanceof AddCheckConstraint check && check.notValid() && check.provesNotNull()) {
            return List.of("Lock-safe NOT NULL: this check, validated while writes go on, proves the column holds no"
                    + " null, so that set not null below needs no scan of " + check.table() + "; it is dropped after.");
        } else if ((form instanceof AddCheckConstraint check && check.notValid())
                || (form instanceof AddForeignKey key && key.notValid())) {
            return List.of("Lock-safe: added not valid, a moment's lock (new rows are checked from now on); existing"
                    + " rows are checked by validateConstraint, in a transaction of its own, while writes go on.");
        } else if (form instanceof AddNotNullNotValid) {
            return List.of("Lock-safe NOT NULL (PostgreSQL 18 and later): added not valid, a moment's lock (new rows"
                    + " are checked from now on); existing rows are checked by validateConstraint, in a"
                    + " transaction of its own, while writes go on.");
        }
        return List.of();
    }

    @Override
    public RowFacts.Queries rowFactQueries() {
        return ROW_FACTS;
    }

    private static final RowFacts.Queries ROW_FACTS = new RowFacts.Queries(
            PostgresNames::quote,
            PostgresSql::name,
            table -> "select greatest(c.reltuples, 0)::bigint from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = " + PostgresNames.literal(table.schema())
                    + " and c.relname = " + PostgresNames.literal(table.name()) + " and c.relkind in ('r', 'p')",
            "the planner's estimate",
            List.of("set transaction read only", "set local statement_timeout = " + RowFacts.STATEMENT_TIMEOUT_MS),
            query -> query);

    @Override
    public Operation inTransaction(Operation operation) {
        return PostgresLockSafeForms.inTransaction(operation);
    }

    @Override
    public Names names() {
        return PostgresNames.INSTANCE;
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
    public Schema canonical(Schema schema) {
        return PostgresCanonical.types(schema);
    }

    @Override
    public String hibernateDatabaseName() {
        return "PostgreSQL";
    }

    @Override
    public String hibernateDatabaseVersion() {
        return hibernateVersion;
    }

    @Override
    public List<String> render(Operation operation) {
        return PostgresSql.INSTANCE.render(operation);
    }

    @Override
    public boolean runsOutsideTransaction(String statement) {
        return OUTSIDE_TRANSACTION.matcher(statement).matches();
    }

    @Override
    public boolean runsAlone(String statement) {
        return runsOutsideTransaction(statement)
                || VALIDATION.matcher(withoutLiterals(statement)).matches();
    }

    @Override
    public Optional<String> cleanupAfterFailed(String statement) {
        java.util.regex.Matcher build = CONCURRENT_BUILD.matcher(statement);
        if (!build.matches()) {
            return Optional.empty();
        }
        String index = build.group(2) == null ? build.group(1) : build.group(2) + "." + build.group(1);
        return Optional.of("drop index concurrently if exists " + index);
    }

    @Override
    public Optional<String> refusals(Operation operation, List<Operation> before) {
        return PostgresProofs.refusals(operation, before);
    }

    @Override
    public Optional<ValueConversion> keepMeaning(AlterColumn alter, ValueDomain domain) {
        return PostgresMeanings.of(alter, domain);
    }

    @Override
    public String refusalGuard(String refusals, String what, String then) {
        return PostgresProofs.guard(refusals, what, then);
    }

    @Override
    public Optional<List<String>> undoUncertain(Operation operation, int run) {
        return PostgresProofs.undoUncertain(operation);
    }

    @Override
    public boolean controlsTransaction(String sql) {
        return TRANSACTION_CONTROL.matcher(withoutLiterals(sql)).find();
    }

    /** The statement with its string literals (dollar-quoted too), quoted names and comments blanked, so words in them are not read as SQL. */
    private static String withoutLiterals(String sql) {
        return sql.replaceAll("(\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$)(?s:.*?)\\1", " ")
                .replaceAll("(?s)'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\\n]*|/\\*.*?\\*/", " ");
    }

    private static final ScriptSyntax SCRIPT = new ScriptSyntax(
            List.of(
                    "-- Stops at the first error: run it with psql, which the next line tells to.",
                    "\\set ON_ERROR_STOP on"),
            ";");

    @Override
    public ScriptSyntax scriptSyntax() {
        return SCRIPT;
    }

    @Override
    public VersionTableSql versionTables(String schema, String versionTable) {
        return new PostgresVersionTables(schema, versionTable);
    }

    @Override
    public boolean tryLock(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public String lockHolder(Connection connection, String name) throws SQLException {
        try (PreparedStatement who = connection.prepareStatement(
                "select a.pid, a.application_name, a.usename, coalesce(a.xact_start, a.backend_start) as since,"
                        + " a.state from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                        + " where l.locktype = 'advisory' and l.granted and l.pid <> pg_backend_pid()"
                        // An advisory lock is the database's own: another database's of the same name is not it.
                        + " and l.database = (select oid from pg_database where datname = current_database())"
                        + " and l.objid::bigint = (hashtext(?)::bigint & 4294967295)")) {
            who.setString(1, name);
            try (ResultSet rs = who.executeQuery()) {
                if (!rs.next()) {
                    return "a session that has since gone";
                }
                return "pid " + rs.getInt("pid") + ", application '" + rs.getString("application_name") + "', user "
                        + rs.getString("usename") + ", since "
                        + rs.getTimestamp("since").toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + ", " + rs.getString("state");
            }
        }
    }

    @Override
    public void unlock(Connection connection, String name) {
        try {
            if (!connection.isClosed()) {
                try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, name);
                    unlock.execute();
                }
            }
        } catch (SQLException ignored) {
            // The session is gone or broken; PostgreSQL released its advisory locks with it.
        }
    }

    /** Ahead of the path the session has, so that what the schema lacks (an extension's types) is still found. */
    @Override
    public void useSchema(Connection connection, String schema) throws SQLException {
        try (PreparedStatement path = connection.prepareStatement(
                "select set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), false)")) {
            path.setString(1, schema);
            path.execute();
        }
    }

    @Override
    public List<String> schemaNames(Connection connection) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select nspname from pg_namespace where nspname !~ '^pg_'"
                        + " and nspname <> 'information_schema' order by nspname collate \"C\"")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set time zone " + PostgresNames.literal(PostgresSql.CONVERSION_ZONE));
        }
    }

    @Override
    public List<String> sessionRestore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet rs =
                        statement.executeQuery("select current_setting('TimeZone'), current_setting('lock_timeout'),"
                                + " current_setting('statement_timeout'), current_setting('search_path')")) {
            rs.next();
            return List.of(
                    "set time zone " + PostgresNames.literal(rs.getString(1)),
                    "set lock_timeout = " + PostgresNames.literal(rs.getString(2)),
                    "set statement_timeout = " + PostgresNames.literal(rs.getString(3)),
                    "select set_config('search_path', " + PostgresNames.literal(rs.getString(4)) + ", false)");
        }
    }

    @Override
    public void setLockTimeout(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = " + timeout.toMillis());
        }
    }

    @Override
    public void setStatementTimeout(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = " + timeout.toMillis());
        }
    }

    @Override
    public void cancel(Connection connection) {
        try {
            connection.unwrap(BaseConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // Nothing runs, or the connection is gone: either way nothing is left to cancel.
        }
    }

    @Override
    public Failure classify(SQLException error) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Failure.CONNECTION_LOST;
        }
        if (state.equals("57014")) {
            return Failure.CANCELLED;
        }
        if (state.equals("42501")) {
            return Failure.PERMISSION_DENIED;
        }
        if (state.equals("25006")) {
            return Failure.READ_ONLY;
        }
        if (state.equals("55P03")) {
            return Failure.LOCK_TIMEOUT;
        }
        return Failure.OTHER;
    }
}
