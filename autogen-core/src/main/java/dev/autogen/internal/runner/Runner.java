package dev.autogen.internal.runner;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.api.RunResult;
import dev.autogen.api.StepResult;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.HeadTransitions;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.revision.VersionChange;
import dev.autogen.internal.runner.Step.Java;
import dev.autogen.internal.runner.Step.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves a database along the revision graph. Each migration runs in its own transaction together with
 * its version-table change and history row, so a failure leaves the database at the revision before it;
 * a session lock keeps two runners off the same version table.
 */
public final class Runner {

    private final RevisionGraph graph;
    private final Dialect dialect;
    private final VersionTableSql tables;
    private final String defaultSchema;
    private final RunOptions options;
    private final RunListener listener;
    private final HeadTransitions transitions;
    private final Duration stillRunningAfter;
    private volatile Connection active;
    private volatile boolean cancelled;

    public Runner(
            RevisionGraph graph,
            Dialect dialect,
            String defaultSchema,
            String versionTable,
            RunOptions options,
            RunListener listener) {
        this(graph, dialect, defaultSchema, versionTable, options, listener, Duration.ofSeconds(5));
    }

    /** @param stillRunningAfter how long a statement runs before the listener hears it still does */
    Runner(
            RevisionGraph graph,
            Dialect dialect,
            String defaultSchema,
            String versionTable,
            RunOptions options,
            RunListener listener,
            Duration stillRunningAfter) {
        this.stillRunningAfter = stillRunningAfter;
        this.graph = graph;
        this.dialect = dialect;
        this.tables = dialect.versionTables(defaultSchema, versionTable);
        this.defaultSchema = defaultSchema;
        this.options = options;
        this.listener = listener;
        this.transitions = new HeadTransitions(graph);
    }

    public RunResult upgrade(Connection connection, String target) {
        return locked(connection, heads -> {
            requireConsistent(connection, heads);
            List<RevisionNode> plan = graph.upgradePlan(heads, graph.resolve(target, heads));
            return run(connection, heads, plan, Direction.UPGRADE, interrupted(connection, plan, Direction.UPGRADE));
        });
    }

    public RunResult downgrade(Connection connection, String target) {
        return locked(connection, heads -> {
            requireConsistent(connection, heads);
            List<RevisionNode> plan = graph.downgradePlan(heads, graph.resolve(target, heads));
            return run(
                    connection, heads, plan, Direction.DOWNGRADE, interrupted(connection, plan, Direction.DOWNGRADE));
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
                    List<VersionChange> step =
                            upgrading ? transitions.upgrade(node, after) : transitions.downgrade(node, after);
                    for (VersionChange change : step) {
                        changes.add(tables.change(change));
                        after = change.applyTo(after);
                    }
                    changes.add(
                            tables.history(node.id(), Direction.STAMP, null, upgrading ? checksum(node) : null, null));
                }
                // Stamping says the schema matches these files: record any edit made to them since they ran.
                for (String id : changedSinceApplied(connection, after)) {
                    changes.add(tables.history(
                            id, Direction.STAMP, null, checksum(id), "the migration was edited after it ran"));
                }
            }
            changes.add(tables.clearAllPartial());
            inTransaction(connection, changes);
            return new RunResult(heads, after, List.of());
        });
    }

    /** The revisions the version table names; none when it does not exist yet. */
    public Set<String> current(Connection connection) {
        try {
            TablesState state = inspect(connection);
            if (!state.versionExists()) {
                return Set.of();
            }
            requireOurs(state);
            return readHeads(connection);
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_ERROR,
                    "reading " + tables.versionTable() + " failed: " + oneLine(e.getMessage()),
                    "check the database connection and permissions",
                    e);
        }
    }

    /** Each revision's runs as the history table records them, oldest first; empty without the table. */
    public Map<String, List<AppliedStep>> applied(Connection connection) {
        Map<String, List<AppliedStep>> applied = new java.util.HashMap<>();
        try {
            if (!inspect(connection).historyExists()) {
                return applied;
            }
            try (java.sql.Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(tables.selectHistory())) {
                while (rs.next()) {
                    String word = rs.getString("direction");
                    Direction direction = java.util.Arrays.stream(Direction.values())
                            .filter(d -> d.word().equals(word))
                            .findFirst()
                            .orElse(Direction.STAMP);
                    Long duration = rs.getLong("duration_ms");
                    if (rs.wasNull()) {
                        duration = null;
                    }
                    applied.computeIfAbsent(rs.getString("revision"), r -> new ArrayList<>())
                            .add(new AppliedStep(
                                    direction,
                                    rs.getTimestamp("applied_at").toInstant(),
                                    rs.getString("applied_by"),
                                    duration,
                                    rs.getString("note")));
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_ERROR,
                    "reading " + tables.historyTable() + " failed: " + oneLine(e.getMessage()),
                    "check the database connection and permissions",
                    e);
        }
    }

    /**
     * Stops the run from another thread (on Ctrl-C): the statement running is cancelled, its migration
     * rolls back, and the run ends with a {@link ErrorCode#CANCELLED} error saying where the database stays.
     */
    public void cancel() {
        cancelled = true;
        Connection connection = active;
        if (connection != null) {
            dialect.cancel(connection);
        }
    }

    // ---------------------------------------------------------------- the lock and autogen's tables

    private interface Work {
        RunResult run(Set<String> heads) throws SQLException;
    }

    /** Runs {@code work} holding the migration lock of this version table. */
    private RunResult locked(Connection connection, Work work) {
        active = connection;
        try {
            connection.setAutoCommit(true);
            dialect.lock(connection, tables.lockName(), options.lockWait());
        } catch (SQLException e) {
            active = null;
            throw failure("taking the migration lock", e, null, null);
        }
        try {
            dialect.prepareSession(connection);
            dialect.setLockTimeout(connection, options.statementLockTimeout());
            dialect.setStatementTimeout(connection, options.statementTimeout());
            prepareTables(connection);
            return work.run(readHeads(connection));
        } catch (SQLException e) {
            throw failure("preparing " + tables.versionTable(), e, null, null);
        } finally {
            dialect.unlock(connection, tables.lockName());
            active = null;
        }
    }

    private record TablesState(boolean versionExists, boolean historyExists, int format, boolean versionColumnsOk) {}

    private TablesState inspect(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.inspect())) {
            rs.next();
            return new TablesState(
                    rs.getBoolean("version_exists"),
                    rs.getBoolean("history_exists"),
                    rs.getInt("format"),
                    rs.getBoolean("version_columns_ok"));
        }
    }

    /** A version table autogen did not make is another tool's: say so, and touch nothing. */
    private void requireOurs(TablesState state) {
        if (state.versionExists() && (!state.historyExists() || !state.versionColumnsOk())) {
            throw new AutogenException(
                    ErrorCode.VERSION_TABLE_INVALID,
                    tables.versionTable() + " exists but was not made by autogen (it "
                            + (state.historyExists()
                                    ? "has other columns than version_num"
                                    : "has no " + tables.historyTable() + " beside it")
                            + ")",
                    "it may belong to another migration tool: set version.table to another name; nothing was changed");
        }
        if (state.format() > VersionTableSql.FORMAT) {
            throw new AutogenException(
                    ErrorCode.VERSION_TABLE_INVALID,
                    tables.historyTable() + " is in format " + state.format()
                            + ", made by a newer autogen than this one (format " + VersionTableSql.FORMAT + ")",
                    "run the newer autogen, or upgrade this one; nothing was changed");
        }
    }

    /**
     * Creates autogen's tables when they are missing, and brings tables of an older format up to this
     * one. Format 1 recorded checksums of another text; they are recorded again, once, from the
     * migrations as they are now (an edit made before that cannot be detected). Format 3 added where an
     * interrupted migration resumes.
     */
    private void prepareTables(Connection connection) throws SQLException {
        TablesState state = inspect(connection);
        requireOurs(state);
        if (state.format() == VersionTableSql.FORMAT) {
            return;
        }
        List<String> statements = new ArrayList<>(tables.create());
        boolean hadHistory = state.historyExists() && hasRows(connection, tables.historyHasRows());
        if (hadHistory && state.format() < VersionTableSql.CHECKSUMS_SINCE) {
            Set<String> heads = readHeads(connection);
            if (known(heads)) {
                for (String id : new TreeSet<>(graph.ancestorsOrSelf(heads))) {
                    statements.add(tables.history(
                            id,
                            Direction.STAMP,
                            null,
                            checksum(id),
                            "checksum recorded anew by autogen's table format " + VersionTableSql.CHECKSUMS_SINCE));
                }
            }
        }
        statements.add(tables.markFormat());
        inTransaction(connection, statements);
    }

    private static boolean hasRows(Connection connection, String query) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    // ---------------------------------------------------------------- running

    private RunResult run(
            Connection connection, Set<String> heads, List<RevisionNode> plan, Direction direction, Resume resume)
            throws SQLException {
        try (StatementClock clock = new StatementClock(listener, stillRunningAfter)) {
            Set<String> before = heads;
            List<StepResult> results = new ArrayList<>();
            for (RevisionNode node : plan) {
                Step step = Step.of(node, direction, dialect, defaultSchema);
                List<VersionChange> changes = direction == Direction.UPGRADE
                        ? transitions.upgrade(node, heads)
                        : transitions.downgrade(node, heads);
                listener.started(node.info(), direction, step.statements().size());
                StepResult result = runPatiently(connection, step, changes, heads, clock, resume);
                resume = null;
                results.add(result);
                listener.finished(result);
                for (VersionChange change : changes) {
                    heads = change.applyTo(heads);
                }
            }
            return new RunResult(before, heads, results);
        }
    }

    /**
     * Runs one migration; when a table it needs stays locked past the lock timeout, tries again after a
     * pause that doubles each time, from where the last try stopped, as many times as the options allow.
     */
    private StepResult runPatiently(
            Connection connection,
            Step step,
            List<VersionChange> changes,
            Set<String> heads,
            StatementClock clock,
            Resume resume)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            StepRun run = new StepRun(connection, step, changes, heads, clock, resume);
            try {
                return run.run();
            } catch (LockTimedOut timedOut) {
                if (attempt > options.lockRetries() || cancelled) {
                    throw timedOut.failure;
                }
                Duration pause = Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
                listener.retrying(step.revision().info(), timedOut.failure.getMessage(), pause, attempt + 1);
                pause(pause);
                resume = run.resumePoint();
            }
        }
    }

    /** Waits, ending early on a cancel (which the next statement then reports). */
    private void pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (!cancelled && System.nanoTime() < until) {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
    }

    /** A migration stopped by the lock timeout: the failure to report if it is not tried again. */
    private static final class LockTimedOut extends RuntimeException {
        final AutogenException failure;

        LockTimedOut(AutogenException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /**
     * One migration's run. Plain statements go to the server in batches (one round trip for many); a
     * statement that runs alone (one the database refuses inside a transaction, or a validation) runs after
     * committing what came before, with a mark that says where to take the migration up if the run stops
     * there: at the first of the statements that ran alone in a row, each of which can run again.
     */
    private final class StepRun {
        private final Connection connection;
        private final Step step;
        private final List<VersionChange> changes;
        private final Set<String> heads;
        private final List<String> outside = new ArrayList<>();
        private final StatementClock clock;
        /** Where this run began: 0, or where an earlier one stopped. */
        private final int begin;
        /** The first statement of the open transaction: those before it are committed. */
        private int segmentStart;

        private Long mark;
        /** The resume point the mark holds, committed. */
        private int markedAt;

        StepRun(
                Connection connection,
                Step step,
                List<VersionChange> changes,
                Set<String> heads,
                StatementClock clock,
                Resume resume) {
            this.connection = connection;
            this.step = step;
            this.changes = changes;
            this.heads = heads;
            this.clock = clock;
            this.begin = resume == null ? 0 : resume.at();
            this.mark = resume == null ? null : resume.mark();
            this.markedAt = begin;
            this.segmentStart = begin;
        }

        /** Where a new try takes up this migration: at the mark, or from the start when none was left. */
        Resume resumePoint() {
            return mark == null ? null : new Resume(mark, markedAt);
        }

        StepResult run() throws SQLException {
            long start = System.nanoTime();
            List<Statement> statements = step.statements();
            int index = begin;
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                List<Integer> batch = new ArrayList<>();
                boolean previousAlone = false;
                for (; index < statements.size(); index++) {
                    checkCancelled();
                    Statement current = statements.get(index);
                    boolean alone = current instanceof Step.Sql && dialect.runsAlone(current.text());
                    if (current instanceof Java java) {
                        flush(statement, batch);
                        runAlone(index, () -> java.step().run(connection));
                    } else if (alone) {
                        flush(statement, batch);
                        runOutside(statement, index, !previousAlone);
                        segmentStart = index + 1;
                    } else if (returnsRows(current.text())) {
                        flush(statement, batch);
                        runAlone(index, () -> statement.execute(current.text()));
                    } else if (!addToBatch(statement, current.text())) {
                        // Several statements in one string (op.execute): the driver runs them, but not in a batch.
                        flush(statement, batch);
                        runAlone(index, () -> statement.execute(current.text()));
                    } else {
                        batch.add(index);
                    }
                    previousAlone = alone;
                }
                flush(statement, batch);
                for (VersionChange change : changes) {
                    statement.execute(tables.change(change));
                }
                if (mark != null) {
                    statement.execute(tables.clearPartial(mark));
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                statement.execute(
                        tables.history(step.revision().id(), step.direction(), millis, step.checksum(), null));
                connection.commit();
                return new StepResult(
                        step.revision().id(),
                        step.revision().message(),
                        step.direction(),
                        millis,
                        statements.size(),
                        outside);
            } catch (SQLException e) {
                rollbackQuietly(connection);
                AutogenException failure = explain(e);
                if (dialect.classify(serverError(e)) == Dialect.Failure.LOCK_TIMEOUT) {
                    throw new LockTimedOut(failure);
                }
                throw failure;
            } catch (RuntimeException e) {
                rollbackQuietly(connection);
                throw new AutogenException(
                        ErrorCode.MIGRATION_FAILED, what() + " failed in its Java step: " + e, rolledBack(), e);
            } finally {
                if (!connection.isClosed()) {
                    connection.setAutoCommit(true);
                }
            }
        }

        private boolean addToBatch(java.sql.Statement statement, String sql) {
            try {
                statement.addBatch(sql);
                return true;
            } catch (SQLException notBatchable) {
                return false;
            }
        }

        private void flush(java.sql.Statement statement, List<Integer> batch) throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            String shown =
                    batch.size() == 1 ? step.statements().get(batch.get(0)).text() : batch.size() + " statements";
            try {
                clock.time(step.revision().info(), shown, statement::executeBatch);
            } catch (SQLException e) {
                throw new BatchFailed(batch, e);
            } finally {
                statement.clearBatch();
                batch.clear();
            }
        }

        private void runAlone(int index, StatementClock.Work work) throws SQLException {
            try {
                clock.time(step.revision().info(), step.statements().get(index).text(), work);
            } catch (SQLException e) {
                throw new StatementFailed(index, e);
            }
        }

        /**
         * Commits what came before (with the mark at {@code index} when it begins a run of statements that
         * run alone), runs the statement on its own, and once such a run is over moves the mark past it.
         * A concurrent build that fails has its invalid index dropped, so nothing is left half made.
         */
        private void runOutside(java.sql.Statement statement, int index, boolean firstInRow) throws SQLException {
            String sql = step.statements().get(index).text();
            if (firstInRow) {
                mark(statement, index, sql);
            }
            connection.commit();
            if (firstInRow) {
                markedAt = index;
            }
            connection.setAutoCommit(true);
            try {
                runAlone(index, () -> statement.execute(sql));
            } catch (SQLException e) {
                dialect.cleanupAfterFailed(sql).ifPresent(cleanup -> runQuietly(statement, cleanup));
                throw e;
            }
            outside.add(sql);
            int next = index + 1;
            if (next < step.statements().size() && !runsAlone(step.statements().get(next))) {
                statement.execute(tables.updatePartial(mark, next));
                markedAt = next;
            }
            connection.setAutoCommit(false);
        }

        private boolean runsAlone(Statement statement) {
            return statement instanceof Step.Sql && dialect.runsAlone(statement.text());
        }

        private void mark(java.sql.Statement statement, int index, String sql) throws SQLException {
            if (mark == null) {
                try (ResultSet marked = statement.executeQuery(
                        tables.markPartial(step.revision().id(), step.direction(), sql, index, step.checksum()))) {
                    marked.next();
                    mark = marked.getLong(1);
                }
            } else {
                statement.execute(tables.updatePartial(mark, index));
            }
        }

        private void runQuietly(java.sql.Statement statement, String sql) {
            try {
                statement.execute(sql);
            } catch (SQLException ignored) {
                // Only a tidy-up: the next run's drop before the build clears what is left.
            }
        }

        private void checkCancelled() throws SQLException {
            if (cancelled) {
                throw new SQLException("cancelled by the user", "57014");
            }
        }

        /** Names the statement that failed; a batch is run again, one by one, to find it. */
        private AutogenException explain(SQLException e) throws SQLException {
            int failed = -1;
            SQLException cause = serverError(e);
            if (e instanceof StatementFailed single) {
                failed = single.index;
            } else if (e instanceof BatchFailed batch) {
                failed = locate(batch.indexes());
            }
            String where;
            if (failed >= 0) {
                where = "statement " + (failed + 1) + " of " + step.statements().size() + " ("
                        + shorten(step.statements().get(failed).text()) + operationOf(failed) + ")";
            } else {
                where = "its version-table change";
            }
            return failure(what() + " failed at " + where, cause, heads, committedSoFar(failed));
        }

        /**
         * Runs the open transaction's statements again, one at a time up to the failed batch's last, in a
         * new transaction that is rolled back whatever happens: the one that fails is the one to name.
         */
        private int locate(List<Integer> batch) {
            int last = batch.get(batch.size() - 1);
            int found = -1;
            try {
                rollbackQuietly(connection);
                try (java.sql.Statement statement = connection.createStatement()) {
                    for (int i = segmentStart; i <= last && found < 0; i++) {
                        Statement current = step.statements().get(i);
                        try {
                            if (current instanceof Java java) {
                                java.step().run(connection);
                            } else {
                                statement.execute(current.text());
                            }
                        } catch (SQLException e) {
                            found = i;
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // The replay only names the statement; the batch's own error is the one reported.
            } finally {
                rollbackQuietly(connection);
            }
            return found;
        }

        /** Which operation a statement carries out, when that says more than the statement itself. */
        private String operationOf(int statement) {
            int seen = 0;
            for (Operation operation : step.operations()) {
                int count = operation instanceof ExecuteJava java
                        ? (java.step() == null ? 0 : 1)
                        : dialect.render(operation).size();
                if (statement < seen + count) {
                    return operation instanceof Execute || operation instanceof ExecuteJava
                            ? ""
                            : "; part of: " + Description.of(operation);
                }
                seen += count;
            }
            return "";
        }

        /** What of this migration stays done after a failure at {@code failed}: nothing, unless a part ran outside its transaction. */
        private String committedSoFar(int failed) {
            if (mark == null) {
                return null;
            }
            String done = markedAt == 0
                    ? "none of revision " + step.revision().id() + " stays done"
                    : "statements 1-" + markedAt + " of revision "
                            + step.revision().id() + " stay done"
                            + (outside.isEmpty()
                                    ? ""
                                    : " ("
                                            + String.join(
                                                    "; ",
                                                    outside.stream()
                                                            .map(Runner::shorten)
                                                            .toList()) + " ran outside its transaction)");
            return done + ", the rest was rolled back" + (failed >= 0 ? cleanedUp(failed) : "") + "; "
                    + tables.historyTable() + " marks it interrupted, and the next '"
                    + step.direction().word()
                    + "' takes it up at statement " + (markedAt + 1);
        }

        /** What the tidy-up after a failed statement did, for the message. */
        private String cleanedUp(int failed) {
            return dialect.cleanupAfterFailed(step.statements().get(failed).text())
                    .map(cleanup -> " (and the index the failed build left was dropped: " + cleanup + ")")
                    .orElse("");
        }

        private String what() {
            return step.direction().word() + " of revision " + step.revision().id() + " ("
                    + step.revision().info().title() + ")";
        }

        private String rolledBack() {
            return "it was rolled back; the database stays at " + describe(heads);
        }
    }

    /** Statements whose rows the driver will not take in a batch; they run on their own. */
    private static boolean returnsRows(String statement) {
        return statement
                .stripLeading()
                .replaceFirst("^\\(+", "")
                .toLowerCase(java.util.Locale.ROOT)
                .matches("(?s)(select|with|values|show|explain|table)\\b.*");
    }

    /** The server's own error behind a statement's or a batch's failure. */
    private static SQLException serverError(SQLException e) {
        if (e instanceof StatementFailed single) {
            return (SQLException) single.getCause();
        } else if (e instanceof BatchFailed batch) {
            return batch.cause();
        }
        return e;
    }

    /** A statement that failed on its own, by its index in the step. */
    private static final class StatementFailed extends SQLException {
        final int index;

        StatementFailed(int index, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.index = index;
        }
    }

    /** A batch that failed: which statements it held, and the driver's error. */
    private static final class BatchFailed extends SQLException {
        private final List<Integer> indexes;

        BatchFailed(List<Integer> indexes, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.indexes = List.copyOf(indexes);
        }

        List<Integer> indexes() {
            return indexes;
        }

        /** The server's own error, which the driver chains behind its batch error. */
        SQLException cause() {
            SQLException batch = (SQLException) getCause();
            return batch.getNextException() != null ? batch.getNextException() : batch;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection broke: the server rolls the open transaction back itself.
        }
    }

    /**
     * A failed statement, told apart from a lost connection, a missing permission, a busy table and a
     * cancel. {@code committed} says what stays done when a part ran outside a transaction.
     */
    private AutogenException failure(String what, SQLException e, Set<String> heads, String committed) {
        String where = heads == null ? "no migration ran" : "the database stays at " + describe(heads);
        String undone = committed == null ? "it was rolled back; " + where : committed + "; " + where;
        String message = oneLine(e.getMessage());
        return switch (dialect.classify(e)) {
            case CONNECTION_LOST ->
                new AutogenException(
                        ErrorCode.CONNECTION_LOST,
                        what + ": the connection to the database was lost (" + message + ")",
                        (committed == null ? "the server rolled the open transaction back; " + where : undone)
                                + "; run the command again",
                        e);
            case PERMISSION_DENIED ->
                new AutogenException(
                        ErrorCode.PERMISSION_DENIED,
                        what + ": " + message,
                        "connect as a user that may change the schema; " + undone,
                        e);
            case READ_ONLY ->
                new AutogenException(
                        ErrorCode.PERMISSION_DENIED,
                        what + ": the database is read-only (" + message + ")",
                        "connect to the primary server, or to a database that is not in read-only mode; " + undone,
                        e);
            case LOCK_TIMEOUT ->
                new AutogenException(
                        ErrorCode.LOCK_TIMEOUT,
                        what + ": " + message,
                        "a table it needs stayed locked longer than lock.timeout; " + undone
                                + "; try again when traffic is lower",
                        e);
            case CANCELLED -> new AutogenException(ErrorCode.CANCELLED, what + ": cancelled", undone, e);
            case OTHER -> new AutogenException(ErrorCode.MIGRATION_FAILED, what + ": " + message, undone, e);
        };
    }

    private void inTransaction(Connection connection, List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
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
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.selectHeads())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    private boolean known(Set<String> heads) {
        return heads.stream().allMatch(id -> graph.node(id).isPresent());
    }

    /** Where the run takes up a migration an earlier run left part done, with the mark it left. */
    private record Resume(long mark, int at) {}

    /**
     * The migration an earlier run stopped in, after some of it ran outside its transaction: taken up
     * where it stopped when it is this run's first, the same way, and unedited since. Any other is refused,
     * for a person to look at.
     */
    private Resume interrupted(Connection connection, List<RevisionNode> plan, Direction direction)
            throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.selectPartial())) {
            if (!rs.next()) {
                return null;
            }
            long mark = rs.getLong("id");
            String revision = rs.getString("revision");
            String note = oneLine(rs.getString("note"));
            java.time.Instant when = rs.getTimestamp("applied_at").toInstant();
            int at = rs.getInt("resume_at");
            boolean resumable = !rs.wasNull()
                    && !plan.isEmpty()
                    && plan.get(0).id().equals(revision)
                    && note.startsWith(direction.word() + " ")
                    && checksum(plan.get(0)).equals(rs.getString("checksum"));
            if (resumable && !rs.next()) {
                return new Resume(mark, at);
            }
            throw new AutogenException(
                    ErrorCode.MIGRATION_INTERRUPTED,
                    "revision " + revision + " was interrupted at " + when + " after its " + note,
                    "run the same command again to take it up where it stopped; if the migration was edited since,"
                            + " check which of its statements took effect and finish or undo them by hand, then"
                            + " 'autogen stamp' the revision the schema is at");
        }
    }

    /** Before moving: the version table names known revisions, and no applied migration was edited since it ran. */
    private void requireConsistent(Connection connection, Set<String> heads) throws SQLException {
        requireKnown(heads);
        List<String> changed = changedSinceApplied(connection, heads);
        if (!changed.isEmpty()) {
            RevisionNode node = graph.node(changed.get(0)).orElseThrow();
            throw new AutogenException(
                    ErrorCode.MIGRATION_CHANGED,
                    "revision " + node.id() + " (" + node.origin()
                            + ") was edited after it was applied: its operations differ from those that ran",
                    "restore it from version control; if the database already has the edited schema, 'autogen stamp "
                            + String.join(" ", new TreeSet<>(heads)) + "' records the edit");
        }
    }

    /** Applied revisions whose operations no longer match the checksum recorded when they ran. */
    private List<String> changedSinceApplied(Connection connection, Set<String> heads) throws SQLException {
        Set<String> applied = graph.ancestorsOrSelf(heads);
        List<String> changed = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.selectChecksums())) {
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
        return checksum(graph.node(id).orElseThrow());
    }

    private String checksum(RevisionNode node) {
        return Step.checksum(
                dev.autogen.internal.operations.Recorder.upgrade(node.migration(), defaultSchema), defaultSchema);
    }

    private void requireKnown(Set<String> heads) {
        for (String id : heads) {
            if (graph.node(id).isEmpty()) {
                throw new AutogenException(
                        ErrorCode.VERSION_TABLE_INVALID,
                        tables.versionTable() + " says the database is at revision " + id + ", which no migration has",
                        "restore that migration, or 'stamp' the revision the schema really is at");
            }
        }
    }

    static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", new TreeSet<>(heads));
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    /** A statement for a message: on one line, and not longer than a reader will read. */
    static String shorten(String statement) {
        String line = oneLine(statement);
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    /** The time since the current statement began, told to the listener while it runs long. */
    private static final class StatementClock implements AutoCloseable {
        private final Duration firstNotice;

        private final RunListener listener;
        private final ScheduledExecutorService timer;
        private volatile RevisionInfo revision;
        private volatile String statement;
        private volatile long since;

        StatementClock(RunListener listener, Duration firstNotice) {
            this.firstNotice = firstNotice;
            this.listener = listener;
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "autogen-statement-clock");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(
                    this::tick, firstNotice.toMillis(), firstNotice.toMillis() * 2, TimeUnit.MILLISECONDS);
        }

        interface Work {
            void run() throws SQLException;
        }

        void time(RevisionInfo of, String text, Work work) throws SQLException {
            revision = of;
            since = System.nanoTime();
            statement = text;
            try {
                work.run();
            } finally {
                statement = null;
            }
        }

        private void tick() {
            String running = statement;
            if (running != null) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - since);
                if (elapsed.compareTo(firstNotice) >= 0) {
                    listener.stillRunning(revision, shorten(running), elapsed);
                }
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
