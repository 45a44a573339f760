package dev.autogen.internal.runner;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.api.RunResult;
import dev.autogen.api.StepResult;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.revision.HeadTransitions;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.revision.VersionChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves a database along the revision graph. Each migration runs in its own transaction together with
 * its version-table change and history row, so a failure leaves the database at the revision before it;
 * a session lock keeps two runners off the same version table.
 */
public final class Runner {

    private final RevisionGraph graph;
    private final Dialect dialect;
    private final VersionTableSql tables;
    private final AutogenTables autogenTables;
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
        this.autogenTables = new AutogenTables(graph, tables, defaultSchema);
        this.defaultSchema = defaultSchema;
        this.options = options;
        this.listener = listener;
        this.transitions = new HeadTransitions(graph);
    }

    public RunResult upgrade(Connection connection, String target) {
        return locked(connection, false, heads -> {
            autogenTables.requireConsistent(connection, heads);
            return move(connection, heads, target, Direction.UPGRADE);
        });
    }

    public RunResult downgrade(Connection connection, String target) {
        return locked(connection, false, heads -> {
            autogenTables.requireConsistent(connection, heads);
            return move(connection, heads, target, Direction.DOWNGRADE);
        });
    }

    /**
     * Writes the version table as if the migrations up or down to {@code target} had run, running none. A
     * version table naming revisions no migration has is replaced outright.
     */
    public RunResult stamp(Connection connection, String target) {
        return locked(connection, true, heads -> {
            List<String> changes = new ArrayList<>();
            Set<String> after;
            if (!autogenTables.known(heads)) {
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
                    changes.add(tables.history(
                            node.id(), Direction.STAMP, null, upgrading ? autogenTables.checksum(node) : null, null));
                }
                // Stamping says the schema matches these files: record any edit made to them since they ran.
                for (String id : autogenTables.changedSinceApplied(connection, after)) {
                    changes.add(tables.history(
                            id,
                            Direction.STAMP,
                            null,
                            autogenTables.checksum(id),
                            "the migration was edited after it ran"));
                }
            }
            Interruption interrupted = Interruption.read(connection, tables);
            if (interrupted != null) {
                changes.add(tables.history(
                        interrupted.revision(),
                        Direction.STAMP,
                        null,
                        interrupted.checksum(),
                        "stamp " + target + " overrode revision " + interrupted.revision() + ", interrupted: "
                                + interrupted.stopped()));
            }
            changes.add(tables.clearAllPartial());
            AutogenTables.inTransaction(connection, changes);
            return new RunResult(heads, after, List.of());
        });
    }

    /** The revisions the version table names; none when it does not exist yet. */
    public Set<String> current(Connection connection) {
        try {
            AutogenTables.TablesState state = autogenTables.inspect(connection);
            autogenTables.requireVersionTable(state);
            if (!state.versionExists()) {
                return Set.of();
            }
            autogenTables.requireOurs(state);
            return autogenTables.readHeads(connection);
        } catch (SQLException e) {
            throw readFailed(tables.versionTable(), e);
        }
    }

    /**
     * The migration an earlier run left part done, said for a person ("revision r2 is interrupted: its
     * upgrade stopped after statement 3 ..."), or empty when there is none.
     */
    public java.util.Optional<String> interruption(Connection connection) {
        try {
            if (!autogenTables.inspect(connection).historyExists()) {
                return java.util.Optional.empty();
            }
            Interruption mark = Interruption.read(connection, tables);
            return mark == null
                    ? java.util.Optional.empty()
                    : java.util.Optional.of("revision " + mark.revision() + " is interrupted: " + mark.stopped()
                            + " (at " + mark.when() + "); " + mark.ways());
        } catch (SQLException e) {
            throw readFailed(tables.historyTable(), e);
        }
    }

    private static AutogenException readFailed(String table, SQLException e) {
        return new AutogenException(
                ErrorCode.DATABASE_ERROR,
                "reading " + table + " failed: " + oneLine(e.getMessage()),
                "check the database connection and permissions",
                e);
    }

    /** Each revision's runs as the history table records them, oldest first; empty without the table. */
    public Map<String, List<AppliedStep>> applied(Connection connection) {
        Map<String, List<AppliedStep>> applied = new java.util.HashMap<>();
        try {
            if (!autogenTables.inspect(connection).historyExists()) {
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
            throw readFailed(tables.historyTable(), e);
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

    /**
     * Runs {@code work} holding the migration lock of this version table; {@code stamping} may make a
     * version table that was dropped anew.
     */
    private RunResult locked(Connection connection, boolean stamping, Work work) {
        active = connection;
        try {
            connection.setAutoCommit(true);
            new MigrationLock(dialect, tables.lockName(), listener, () -> cancelled)
                    .take(connection, options.lockWait());
        } catch (AutogenException e) {
            active = null;
            throw e;
        } catch (SQLException e) {
            active = null;
            throw Failures.of(dialect, "taking the migration lock", e, "no migration ran", "no migration ran");
        }
        try {
            dialect.prepareSession(connection);
            dialect.setLockTimeout(connection, options.statementLockTimeout());
            dialect.setStatementTimeout(connection, options.statementTimeout());
            autogenTables.prepare(connection, stamping);
            return work.run(autogenTables.readHeads(connection));
        } catch (SQLException e) {
            throw Failures.of(dialect, "preparing " + tables.versionTable(), e, "no migration ran", "no migration ran");
        } finally {
            dialect.unlock(connection, tables.lockName());
            active = null;
        }
    }

    // ---------------------------------------------------------------- running

    private RunResult run(
            Connection connection, Set<String> heads, List<RevisionNode> plan, Direction direction, Cursor resume)
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
     * A migration that fails for good after part of it committed on its own is undone.
     */
    private StepResult runPatiently(
            Connection connection,
            Step step,
            List<VersionChange> changes,
            Set<String> heads,
            StatementClock clock,
            Cursor resume)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            StepRun run = new StepRun(
                    dialect, tables, () -> cancelled, connection, step, changes, describe(heads), clock, resume);
            try {
                return run.run();
            } catch (StepRun.Stopped stopped) {
                if (stopped.lockTimeout && attempt <= options.lockRetries() && !cancelled) {
                    Duration pause = Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
                    listener.retrying(step.revision().info(), stopped.failure.getMessage(), pause, attempt + 1);
                    pause(pause);
                    resume = run.resumePoint();
                    continue;
                }
                if (stopped.cursor.partial()) {
                    throw undoAfter(connection, step, stopped, heads);
                }
                if (stopped.cursor.mark() != null) {
                    // The first statement that runs on its own failed: nothing committed, so no mark stays.
                    clearMarkQuietly(connection, stopped.cursor.mark());
                }
                throw stopped.failure;
            }
        }
    }

    private void clearMarkQuietly(Connection connection, long mark) {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(tables.clearPartial(mark));
        } catch (SQLException e) {
            // The connection is gone: the mark says where the migration stopped, and the next run reads it.
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

    /**
     * A migration that failed after part of it committed on its own: that part undone, and the failure
     * told with where the database is. When the undo cannot run (the connection is gone) the mark stays,
     * and the next command completes or undoes the migration.
     */
    private AutogenException undoAfter(Connection connection, Step step, StepRun.Stopped stopped, Set<String> heads) {
        AutogenException failure = stopped.failure;
        String why = failure.code() == ErrorCode.CONNECTION_LOST
                ? "the connection is gone"
                : undo(connection, step, stopped.cursor.committed(), false, stopped.cursor.mark());
        String hint = why == null
                ? "statements 1-" + stopped.cursor.committed()
                        + ", which had committed on their own, were undone; the database stays at " + describe(heads)
                : "statements 1-" + stopped.cursor.committed() + " committed on their own and could not be undone ("
                        + why
                        + "): revision " + step.revision().id() + " is interrupted after statement "
                        + stopped.cursor.committed()
                        + "; '" + step.direction().word() + "' completes it, '"
                        + Step.opposite(step.direction()).word()
                        + "' undoes it";
        return new AutogenException(failure.code(), failure.what(), hint, failure);
    }

    /**
     * Undoes the committed part of a migration in one transaction (but for an author's statement that runs
     * only on its own), clears its mark and records the undo in the history; returns {@code null} when done,
     * or why it could not be.
     */
    private String undo(Connection connection, Step step, int done, boolean uncertain, long mark) {
        java.util.Optional<List<Step.Statement>> undo = Undo.of(step, done, uncertain, dialect);
        if (undo.isEmpty()) {
            return "autogen cannot tell how much of "
                    + Description.of(
                            step.operations().get(step.statements().get(done).operation()))
                    + " took effect";
        }
        try {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                for (Step.Statement reverse : undo.get()) {
                    if (reverse instanceof Step.Java java) {
                        java.step().run(connection);
                    } else if (dialect.runsOutsideTransaction(reverse.text())) {
                        // An author's way back that the database runs only on its own (drop index concurrently).
                        connection.commit();
                        connection.setAutoCommit(true);
                        statement.execute(reverse.text());
                        connection.setAutoCommit(false);
                    } else {
                        statement.execute(reverse.text());
                    }
                }
                statement.execute(tables.clearPartial(mark));
                statement.execute(tables.history(
                        step.revision().id(),
                        Step.opposite(step.direction()),
                        null,
                        null,
                        "undid statements 1-" + done + " of an interrupted "
                                + step.direction().word()));
                connection.commit();
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            StepRun.rollbackQuietly(connection);
            return "undoing it failed: " + oneLine(e.getMessage());
        } finally {
            try {
                if (!connection.isClosed()) {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // The connection broke; the server rolled the undo back.
            }
        }
    }

    /**
     * Moves towards {@code target}. A migration an earlier run left part done is taken up first: completed
     * when this run goes its way (unedited since), undone when this run goes the other way; either way the
     * target is read as if it had finished, so that {@code downgrade -1} undoes it.
     */
    private RunResult move(Connection connection, Set<String> heads, String target, Direction direction)
            throws SQLException {
        Interruption mark = Interruption.read(connection, tables);
        if (mark == null) {
            return run(connection, heads, plan(direction, heads, target), direction, null);
        }
        RevisionNode node =
                graph.node(mark.revision()).orElseThrow(() -> mark.error("and no migration has that revision now"));
        if (mark.at() < 0 || !autogenTables.checksum(node).equals(mark.checksum())) {
            throw mark.error("and the migration was edited since");
        }
        Step step = Step.of(node, mark.direction(), dialect, defaultSchema);
        if (mark.direction() == direction) {
            List<RevisionNode> plan = plan(direction, heads, target);
            if (plan.isEmpty() || !plan.get(0).id().equals(node.id())) {
                throw mark.error("and '" + direction.word() + " " + target + "' does not begin with it");
            }
            return run(connection, heads, plan, direction, new Cursor(mark.id(), step.resumeAt(mark.at())));
        }
        Set<String> there = heads;
        for (VersionChange change : mark.direction() == Direction.UPGRADE
                ? transitions.upgrade(node, heads)
                : transitions.downgrade(node, heads)) {
            there = change.applyTo(there);
        }
        List<RevisionNode> plan = plan(direction, there, target);
        if (plan.isEmpty() || !plan.get(0).id().equals(node.id())) {
            throw mark.error("and '" + direction.word() + " " + target + "' does not begin with undoing it");
        }
        listener.started(node.info(), direction, 0);
        long start = System.nanoTime();
        boolean uncertain = mark.at() < step.statements().size()
                && step.statements().get(mark.at()).alone();
        String failed = undo(connection, step, mark.at(), uncertain, mark.id());
        if (failed != null) {
            throw mark.error("and undoing it failed: " + failed);
        }
        StepResult undone = new StepResult(
                node.id(), node.message(), direction, (System.nanoTime() - start) / 1_000_000, 0, List.of());
        listener.finished(undone);
        RunResult rest = run(connection, heads, plan.subList(1, plan.size()), direction, null);
        List<StepResult> steps = new ArrayList<>();
        steps.add(undone);
        steps.addAll(rest.steps());
        return new RunResult(heads, rest.after(), steps);
    }

    private List<RevisionNode> plan(Direction direction, Set<String> heads, String target) {
        Set<String> wanted = graph.resolve(target, heads);
        return direction == Direction.UPGRADE ? graph.upgradePlan(heads, wanted) : graph.downgradePlan(heads, wanted);
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
}
