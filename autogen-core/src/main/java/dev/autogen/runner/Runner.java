package dev.autogen.runner;

import dev.autogen.AutogenException;
import dev.autogen.ErrorCode;
import dev.autogen.canonical.Identifiers;
import dev.autogen.dialect.Dialect;
import dev.autogen.revision.HeadTransitions;
import dev.autogen.revision.RevisionGraph;
import dev.autogen.revision.RevisionNode;
import dev.autogen.revision.VersionChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves a database along the revision graph. Each migration runs in its own transaction together with
 * its version-table change and history row, so a failure leaves the database at the revision before it;
 * an advisory lock keeps two runners off the same version table.
 */
public final class Runner {

    private final RevisionGraph graph;
    private final VersionTables tables;
    private final Dialect dialect;
    private final RunOptions options;
    private final HeadTransitions transitions;

    public Runner(RevisionGraph graph, VersionTables tables, Dialect dialect) {
        this(graph, tables, dialect, RunOptions.DEFAULT);
    }

    public Runner(RevisionGraph graph, VersionTables tables, Dialect dialect, RunOptions options) {
        this.graph = graph;
        this.tables = tables;
        this.dialect = dialect;
        this.options = options;
        this.transitions = new HeadTransitions(graph);
    }

    public RunResult upgrade(Connection connection, String target) {
        return locked(connection, heads -> {
            requireConsistent(connection, heads);
            List<RevisionNode> plan = graph.upgradePlan(heads, graph.resolve(target, heads));
            return run(connection, heads, plan, Direction.UPGRADE);
        });
    }

    public RunResult downgrade(Connection connection, String target) {
        return locked(connection, heads -> {
            requireConsistent(connection, heads);
            List<RevisionNode> plan = graph.downgradePlan(heads, graph.resolve(target, heads));
            return run(connection, heads, plan, Direction.DOWNGRADE);
        });
    }

    /**
     * Writes the version table as if the migrations up or down to {@code target} had run, running none. A
     * version table naming revisions no migration has is replaced outright.
     */
    public RunResult stamp(Connection connection, String target) {
        return locked(connection, heads -> {
            List<String> changes = new ArrayList<>();
            Set<String> after;
            if (!known(heads)) {
                after = new TreeSet<>(graph.resolve(target, Set.of()));
                changes.add("delete from " + tables.versionTable());
                after.forEach(id -> changes.add(tables.change(new VersionChange.Insert(id))));
            } else {
                Set<String> wanted = graph.resolve(target, heads);
                List<RevisionNode> up = graph.upgradePlan(heads, wanted);
                boolean upgrading = !up.isEmpty();
                after = heads;
                for (RevisionNode node : upgrading ? up : graph.downgradePlan(heads, wanted)) {
                    List<VersionChange> step = upgrading ? transitions.upgrade(node, after) : transitions.downgrade(node, after);
                    for (VersionChange change : step) {
                        changes.add(tables.change(change));
                        after = change.applyTo(after);
                    }
                    changes.add(tables.history(node.id(), Direction.STAMP, null,
                            upgrading ? Step.of(node, Direction.UPGRADE, dialect).checksum() : null));
                }
                // Stamping says the schema matches these files: record any edit made to them since they ran.
                for (String id : changedSinceApplied(connection, after)) {
                    changes.add(tables.history(id, Direction.STAMP, null, checksum(id)));
                }
            }
            changes.add(tables.clearAllPartial());
            inTransaction(connection, changes);
            return new RunResult(heads, after, List.of());
        });
    }

    /** The revisions the version table names; none when it does not exist yet. */
    public Set<String> current(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select to_regclass(" + Identifiers.literal(tables.versionTable()) + ")")) {
                exists.next();
                if (exists.getString(1) == null) {
                    return Set.of();
                }
            }
            return readHeads(connection);
        } catch (SQLException e) {
            throw databaseError("reading " + tables.versionTable(), e);
        }
    }

    // ---------------------------------------------------------------- running

    private interface Work {
        RunResult run(Set<String> heads) throws SQLException;
    }

    /**
     * Runs {@code work} holding the session-level advisory lock of this version table. PostgreSQL drops
     * such a lock with the session, so a crashed or killed run can never leave it behind.
     */
    private RunResult locked(Connection connection, Work work) {
        try {
            connection.setAutoCommit(true);
            acquireLock(connection);
        } catch (SQLException e) {
            throw failure("taking the migration lock", e, null);
        }
        RunResult result = null;
        try {
            setLockTimeout(connection, options.statementLockTimeout());
            inTransaction(connection, tables.create());
            result = work.run(readHeads(connection));
            return result;
        } catch (SQLException e) {
            throw failure("running migrations", e, null);
        } finally {
            releaseLock(connection);
        }
    }

    private void acquireLock(Connection connection) throws SQLException {
        setLockTimeout(connection, options.lockWait());
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, tables.lockName());
            lock.execute();
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw lockHeld(connection, e);
            }
            throw e;
        }
    }

    /** Who holds the lock, for the message: the session's pid, application, user and since when. */
    private AutogenException lockHeld(Connection connection, SQLException timeout) throws SQLException {
        String holder = "a session that has since gone";
        try (PreparedStatement who = connection.prepareStatement(
                "select a.pid, a.application_name, a.usename, a.backend_start, a.state from pg_locks l"
                        + " join pg_stat_activity a on a.pid = l.pid"
                        + " where l.locktype = 'advisory' and l.granted and l.pid <> pg_backend_pid()"
                        + " and l.objid::bigint = (hashtext(?)::bigint & 4294967295)")) {
            who.setString(1, tables.lockName());
            try (ResultSet rs = who.executeQuery()) {
                if (rs.next()) {
                    holder = "pid " + rs.getInt("pid") + ", application '" + rs.getString("application_name") + "', user "
                            + rs.getString("usename") + ", connected since " + rs.getTimestamp("backend_start").toInstant()
                            + ", " + rs.getString("state");
                }
            }
        }
        return new AutogenException(ErrorCode.LOCK_TIMEOUT,
                "another session has held the migration lock on " + tables.versionTable() + " for more than "
                        + options.lockWait().toSeconds() + " s: " + holder,
                "wait for it to finish, or raise lock.wait; if it is stuck, end it with pg_terminate_backend(pid)", timeout);
    }

    private static void setLockTimeout(Connection connection, java.time.Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = " + timeout.toMillis());
        }
    }

    /** Best effort: on a lost connection the server has released the lock already. */
    private void releaseLock(Connection connection) {
        try {
            if (!connection.isClosed()) {
                try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, tables.lockName());
                    unlock.execute();
                }
            }
        } catch (SQLException ignored) {
            // The session is gone or broken; PostgreSQL released its advisory locks with it.
        }
    }

    private RunResult run(Connection connection, Set<String> heads, List<RevisionNode> plan, Direction direction) throws SQLException {
        Set<String> before = heads;
        List<StepResult> results = new ArrayList<>();
        for (RevisionNode node : plan) {
            Step step = Step.of(node, direction, dialect);
            List<VersionChange> changes = direction == Direction.UPGRADE
                    ? transitions.upgrade(node, heads)
                    : transitions.downgrade(node, heads);
            results.add(runStep(connection, step, changes, heads));
            for (VersionChange change : changes) {
                heads = change.applyTo(heads);
            }
        }
        return new RunResult(before, heads, results);
    }

    private StepResult runStep(Connection connection, Step step, List<VersionChange> changes, Set<String> heads) throws SQLException {
        long start = System.nanoTime();
        List<String> outside = new ArrayList<>();
        Long mark = null;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Progress progress = new Progress(statement, step.statements());
            for (String sql : step.statements()) {
                if (Step.runsOutsideTransaction(sql)) {
                    progress.flush();
                    // PostgreSQL refuses these inside a transaction: run them on their own, and say so. The mark
                    // committed with what ran before tells the next run if this one dies half-way.
                    if (mark == null) {
                        try (ResultSet marked = statement.executeQuery(tables.markPartial(step.revision().id(), step.direction(), sql))) {
                            marked.next();
                            mark = marked.getLong(1);
                        }
                    }
                    connection.commit();
                    connection.setAutoCommit(true);
                    progress.runAlone(sql);
                    connection.setAutoCommit(false);
                    outside.add(sql);
                } else if (Step.returnsRows(sql)) {
                    progress.flush();
                    progress.runAlone(sql);
                } else {
                    progress.add(sql);
                }
            }
            progress.flush();
            for (VersionChange change : changes) {
                statement.execute(tables.change(change));
            }
            if (mark != null) {
                statement.execute(tables.clearPartial(mark));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            statement.execute(tables.history(step.revision().id(), step.direction(), millis, step.checksum()));
            connection.commit();
            return new StepResult(step.revision().id(), step.revision().message(), step.direction(), millis,
                    step.statements().size(), outside);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            String failed = e instanceof FailedStatement statement ? statement.where : "its version-table change";
            throw failure(step.direction().word() + " of revision " + step.revision().id() + " (" + step.revision().message()
                    + ") failed at " + failed, e instanceof FailedStatement ? (SQLException) e.getCause() : e, heads);
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Runs a step's statements, sending each run of plain statements as one JDBC batch (one round trip
     * instead of one per statement), and keeps count, so a failure names the statement that failed.
     */
    private static final class Progress {
        private final Statement statement;
        private final List<String> statements;
        private int done;
        private int pending;

        Progress(Statement statement, List<String> statements) {
            this.statement = statement;
            this.statements = statements;
        }

        void add(String sql) throws SQLException {
            statement.addBatch(sql);
            pending++;
        }

        void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            try {
                statement.executeBatch();
            } catch (java.sql.BatchUpdateException e) {
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                int succeeded = 0;
                while (succeeded < e.getUpdateCounts().length && succeeded < pending - 1
                        && e.getUpdateCounts()[succeeded] != Statement.EXECUTE_FAILED) {
                    succeeded++;
                }
                throw new FailedStatement(describe(done + succeeded + 1), cause);
            } catch (SQLException e) {
                throw new FailedStatement("one of statements " + (done + 1) + "-" + (done + pending) + " of " + statements.size(), e);
            } finally {
                statement.clearBatch();
            }
            done += pending;
            pending = 0;
        }

        void runAlone(String sql) throws SQLException {
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new FailedStatement(describe(done + 1), e);
            }
            done++;
        }

        private String describe(int number) {
            return "statement " + number + " of " + statements.size() + " (" + statements.get(number - 1) + ")";
        }
    }

    /** Which statement of a step failed; its cause is the driver's error. */
    private static final class FailedStatement extends SQLException {
        final String where;

        FailedStatement(String where, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.where = where;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection broke: the server rolls the open transaction back itself.
        }
    }

    /** A failed statement, told apart from a lost connection, a missing permission and a busy table. */
    private static AutogenException failure(String what, SQLException e, Set<String> heads) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = heads == null ? "no migration ran"
                : "the database stays at " + (heads.isEmpty() ? "base" : String.join(", ", heads));
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new AutogenException(ErrorCode.CONNECTION_LOST, what + ": the connection to the database was lost ("
                    + oneLine(e.getMessage()) + ")", "PostgreSQL rolled the open transaction back; " + where + "; run the command again", e);
        }
        if (state.equals("42501") || state.equals("25006")) {
            return new AutogenException(ErrorCode.PERMISSION_DENIED, what + ": " + oneLine(e.getMessage()),
                    "connect as a user that may change the schema; " + where, e);
        }
        if (state.equals("55P03")) {
            return new AutogenException(ErrorCode.LOCK_TIMEOUT, what + ": " + oneLine(e.getMessage()),
                    "a table it needs stayed locked longer than lock.timeout; it was rolled back; " + where + "; try again when traffic is lower", e);
        }
        return new AutogenException(ErrorCode.MIGRATION_FAILED, what + ": " + oneLine(e.getMessage()),
                "it was rolled back; " + where, e);
    }

    private void inTransaction(Connection connection, List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    private Set<String> readHeads(Connection connection) throws SQLException {
        Set<String> heads = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(tables.selectHeads())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    private boolean known(Set<String> heads) {
        return heads.stream().allMatch(id -> graph.node(id).isPresent());
    }

    /**
     * Before moving: the version table names known revisions, no earlier run died in a migration's
     * non-transactional part, and no applied migration was edited since it ran.
     */
    private void requireConsistent(Connection connection, Set<String> heads) throws SQLException {
        requireKnown(heads);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(tables.selectPartial())) {
            if (rs.next()) {
                throw new AutogenException(ErrorCode.MIGRATION_INTERRUPTED,
                        "revision " + rs.getString("revision") + " was interrupted at " + rs.getTimestamp("applied_at").toInstant()
                                + " after its " + rs.getString("note"),
                        "check which of its statements took effect and finish or undo them by hand, then 'autogen stamp' the revision the schema is at");
            }
        }
        List<String> changed = changedSinceApplied(connection, heads);
        if (!changed.isEmpty()) {
            RevisionNode node = graph.node(changed.get(0)).orElseThrow();
            throw new AutogenException(ErrorCode.MIGRATION_CHANGED,
                    "revision " + node.id() + " (" + node.origin() + ") was edited after it was applied: its operations differ from those that ran",
                    "restore it from version control; if the database already has the edited schema, 'autogen stamp "
                            + String.join(" ", new TreeSet<>(heads)) + "' records the edit");
        }
    }

    /** Applied revisions whose operations no longer match the checksum recorded when they ran. */
    private List<String> changedSinceApplied(Connection connection, Set<String> heads) throws SQLException {
        Set<String> applied = graph.ancestorsOrSelf(heads);
        List<String> changed = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(tables.selectChecksums())) {
            while (rs.next()) {
                String id = rs.getString("revision");
                String recorded = rs.getString("checksum");
                if (applied.contains(id) && recorded != null && !recorded.equals(checksum(id))) {
                    changed.add(id);
                }
            }
        }
        return changed;
    }

    private String checksum(String id) {
        return Step.of(graph.node(id).orElseThrow(), Direction.UPGRADE, dialect).checksum();
    }

    private void requireKnown(Set<String> heads) {
        for (String id : heads) {
            if (graph.node(id).isEmpty()) {
                throw new AutogenException(ErrorCode.VERSION_TABLE_INVALID,
                        tables.versionTable() + " says the database is at revision " + id + ", which no migration has",
                        "restore that migration, or 'stamp' the revision the schema really is at");
            }
        }
    }

    private static AutogenException databaseError(String what, SQLException e) {
        return new AutogenException(ErrorCode.DATABASE_ERROR, what + " failed: " + oneLine(e.getMessage()),
                "check the database connection and permissions", e);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
