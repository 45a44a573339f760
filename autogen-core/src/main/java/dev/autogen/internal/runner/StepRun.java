package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.StepResult;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.VersionChange;
import dev.autogen.internal.runner.Step.Java;
import dev.autogen.internal.runner.Step.Proof;
import dev.autogen.internal.runner.Step.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One migration's run. Plain statements go to the server in batches (one round trip for many); a statement
 * that runs alone (one the database refuses inside a transaction, or a validation) runs after committing
 * what came before, with a mark in the history table that says how far the migration got. Before anything
 * commits, the rows are asked whether they accept what runs alone; a refusal fails the migration with
 * nothing done. A failure once something has committed is the caller's to undo ({@link Undo}).
 */
final class StepRun {

    private final Dialect dialect;
    private final VersionTableSql tables;
    private final BooleanSupplier cancelled;
    private final Connection connection;
    private final Step step;
    private final List<VersionChange> changes;
    private final String where;
    private final StatementClock clock;
    private final List<String> outside = new ArrayList<>();
    private final Set<Integer> proven = new HashSet<>();
    /** Where this run began: 0, or where an earlier one stopped. */
    private final int begin;
    /** What is committed so far: the open transaction begins at {@code cursor.committed()}. */
    private Cursor cursor;

    /**
     * @param where where the database stays when this migration does not happen, for messages
     * @param resume the mark an earlier run left, and where to begin; {@code null} to begin at the start
     */
    StepRun(
            Dialect dialect,
            VersionTableSql tables,
            BooleanSupplier cancelled,
            Connection connection,
            Step step,
            List<VersionChange> changes,
            String where,
            StatementClock clock,
            Cursor resume) {
        this.dialect = dialect;
        this.tables = tables;
        this.cancelled = cancelled;
        this.connection = connection;
        this.step = step;
        this.changes = changes;
        this.where = where;
        this.clock = clock;
        this.cursor = resume == null ? Cursor.START : resume;
        this.begin = cursor.committed();
    }

    /** Why a run stopped: the error to report, and how far the migration got. */
    static final class Stopped extends Exception {
        final AutogenException failure;
        final boolean lockTimeout;
        /** What stays committed: the statements known done, from the first, and the mark. */
        final Cursor cursor;

        Stopped(AutogenException failure, boolean lockTimeout, Cursor cursor) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
            this.lockTimeout = lockTimeout;
            this.cursor = cursor;
        }
    }

    StepResult run() throws Stopped, SQLException {
        long start = System.nanoTime();
        List<Statement> statements = step.statements();
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
            if (begin == 0) {
                for (Proof proof : step.proofs()) {
                    if (proof.first()) {
                        prove(statement, proof);
                    }
                }
            }
            List<Integer> batch = new ArrayList<>();
            for (int index = begin; index < statements.size(); index++) {
                checkCancelled();
                Statement current = statements.get(index);
                if (current instanceof Java java) {
                    flush(statement, batch);
                    runAlone(index, () -> java.step().run(connection));
                } else if (current.alone()) {
                    flush(statement, batch);
                    for (Proof proof : step.proofs()) {
                        // Asked in the open transaction, after what changed the rows it reads.
                        if (proof.statement() == index && !proven.contains(index)) {
                            prove(statement, proof);
                        }
                    }
                    runOutside(statement, index);
                    cursor = cursor.committedTo(index + 1);
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
            }
            flush(statement, batch);
            for (VersionChange change : changes) {
                statement.execute(tables.change(change));
            }
            if (cursor.mark() != null) {
                statement.execute(tables.clearPartial(cursor.mark()));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            statement.execute(tables.history(step.revision().id(), step.direction(), millis, step.checksum(), null));
            connection.commit();
            return new StepResult(
                    step.revision().id(),
                    step.revision().message(),
                    step.direction(),
                    millis,
                    statements.size(),
                    outside);
        } catch (Refused refused) {
            rollbackQuietly(connection);
            throw new Stopped(refused.failure, false, cursor);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            AutogenException failure = explain(e);
            boolean lockTimeout = dialect.classify(serverError(e)) == Dialect.Failure.LOCK_TIMEOUT;
            throw new Stopped(failure, lockTimeout, cursor);
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            AutogenException failure = new AutogenException(
                    ErrorCode.MIGRATION_FAILED,
                    what() + " failed in its Java step: " + e,
                    "it was rolled back; the database stays at " + where,
                    e);
            throw new Stopped(failure, false, cursor);
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Where a new try takes this migration up: at the mark, or from the start when none was left. */
    Cursor resumePoint() {
        return cursor.mark() == null ? null : cursor;
    }

    // ---------------------------------------------------------------- proofs

    /** The rows refuse a statement: nothing more of the migration runs. */
    private static final class Refused extends RuntimeException {
        final AutogenException failure;

        Refused(AutogenException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /**
     * Asks the rows whether they accept the proof's statement, inside a savepoint: a proof that cannot be
     * asked here (a name it needs comes later) is left to the statement itself.
     */
    private void prove(java.sql.Statement statement, Proof proof) throws SQLException {
        proven.add(proof.statement());
        Savepoint savepoint = connection.setSavepoint();
        long refused = 0;
        List<String> samples = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(proof.query())) {
            while (rs.next()) {
                refused = rs.getLong("refused");
                samples.add(rs.getString("sample"));
            }
        } catch (SQLException e) {
            if (dialect.classify(e) != Dialect.Failure.OTHER) {
                throw e;
            }
            connection.rollback(savepoint);
            return;
        }
        connection.releaseSavepoint(savepoint);
        if (refused > 0) {
            int index = proof.statement();
            throw new Refused(new AutogenException(
                    ErrorCode.MIGRATION_FAILED,
                    what() + " refused by the rows: statement " + (index + 1) + " of "
                            + step.statements().size()
                            + " (" + Runner.shorten(step.statements().get(index).text()) + operationOf(index)
                            + ") would fail on " + refused + (refused == 1 ? " row" : " rows") + ", such as "
                            + String.join(", ", samples),
                    (cursor.mark() == null ? "nothing of it was done" : "it was stopped before that statement")
                            + "; the database stays at " + where
                            + "; change those rows (or the migration), then run the command again"));
        }
    }

    // ---------------------------------------------------------------- statements

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
        String shown = batch.size() == 1 ? step.statements().get(batch.get(0)).text() : batch.size() + " statements";
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
     * Commits what came before together with a mark at {@code index}, runs the statement on its own, and
     * moves the mark past it. A concurrent build that fails has its invalid index dropped at once.
     */
    private void runOutside(java.sql.Statement statement, int index) throws SQLException {
        String sql = step.statements().get(index).text();
        mark(statement, index, sql);
        connection.commit();
        cursor = cursor.committedTo(index);
        connection.setAutoCommit(true);
        try {
            runAlone(index, () -> statement.execute(sql));
        } catch (SQLException e) {
            dialect.cleanupAfterFailed(sql).ifPresent(cleanup -> runQuietly(statement, cleanup));
            throw e;
        }
        outside.add(sql);
        statement.execute(tables.updatePartial(cursor.mark(), index + 1));
        cursor = cursor.committedTo(index + 1);
        connection.setAutoCommit(false);
    }

    private void mark(java.sql.Statement statement, int index, String sql) throws SQLException {
        if (cursor.mark() == null) {
            try (ResultSet marked = statement.executeQuery(
                    tables.markPartial(step.revision().id(), step.direction(), sql, index, step.checksum()))) {
                marked.next();
                cursor = cursor.marked(marked.getLong(1));
            }
        } else {
            statement.execute(tables.updatePartial(cursor.mark(), index));
        }
    }

    private static void runQuietly(java.sql.Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException ignored) {
            // Only a tidy-up: the next run's drop before the build, or the undo, clears what is left.
        }
    }

    private void checkCancelled() throws SQLException {
        if (cancelled.getAsBoolean()) {
            throw new SQLException("cancelled by the user", "57014");
        }
    }

    // ---------------------------------------------------------------- explaining a failure

    /** Names the statement that failed; a batch is run again, one by one, to find it. */
    private AutogenException explain(SQLException e) {
        int failed = -1;
        SQLException cause = serverError(e);
        if (e instanceof StatementFailed single) {
            failed = single.index;
        } else if (e instanceof BatchFailed batch) {
            failed = locate(batch.indexes());
        }
        String at;
        if (failed >= 0) {
            at = "statement " + (failed + 1) + " of " + step.statements().size() + " ("
                    + Runner.shorten(step.statements().get(failed).text()) + operationOf(failed) + ")";
        } else {
            at = "its version-table change";
        }
        String outcome = "it was rolled back; the database stays at " + where;
        String lost = cursor.mark() == null
                ? "the server rolled the open transaction back; the database stays at " + where
                : outcome;
        return Failures.of(dialect, what() + " failed at " + at, cause, outcome, lost);
    }

    /**
     * Runs the open transaction's statements again, one at a time up to the failed batch's last, in a new
     * transaction that is rolled back whatever happens: the one that fails is the one to name.
     */
    private int locate(List<Integer> batch) {
        int last = batch.get(batch.size() - 1);
        int found = -1;
        try {
            rollbackQuietly(connection);
            try (java.sql.Statement statement = connection.createStatement()) {
                for (int i = cursor.committed(); i <= last && found < 0; i++) {
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
        Operation operation =
                step.operations().get(step.statements().get(statement).operation());
        return operation instanceof Execute || operation instanceof ExecuteJava
                ? ""
                : "; part of: " + Description.of(operation);
    }

    private String what() {
        return step.direction().word() + " of revision " + step.revision().id() + " ("
                + step.revision().info().title() + ")";
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

    static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection broke: the server rolls the open transaction back itself.
        }
    }
}
