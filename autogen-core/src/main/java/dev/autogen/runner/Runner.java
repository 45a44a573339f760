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
    private final HeadTransitions transitions;

    public Runner(RevisionGraph graph, VersionTables tables, Dialect dialect) {
        this.graph = graph;
        this.tables = tables;
        this.dialect = dialect;
        this.transitions = new HeadTransitions(graph);
    }

    public RunResult upgrade(Connection connection, String target) {
        return locked(connection, heads -> {
            requireKnown(heads);
            List<RevisionNode> plan = graph.upgradePlan(heads, graph.resolve(target, heads));
            return run(connection, heads, plan, Direction.UPGRADE);
        });
    }

    public RunResult downgrade(Connection connection, String target) {
        return locked(connection, heads -> {
            requireKnown(heads);
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
                    changes.add(tables.history(node.id(), Direction.STAMP, null, null));
                }
            }
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

    private RunResult locked(Connection connection, Work work) {
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, tables.lockName());
                lock.execute();
            }
            try {
                inTransaction(connection, tables.create());
                return work.run(readHeads(connection));
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, tables.lockName());
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw databaseError("running migrations", e);
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
        int number = 0;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : step.statements()) {
                number++;
                if (Step.runsOutsideTransaction(sql)) {
                    // PostgreSQL refuses these inside a transaction: run them on their own, and say so.
                    connection.commit();
                    connection.setAutoCommit(true);
                    statement.execute(sql);
                    connection.setAutoCommit(false);
                    outside.add(sql);
                } else {
                    statement.execute(sql);
                }
            }
            for (VersionChange change : changes) {
                statement.execute(tables.change(change));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            statement.execute(tables.history(step.revision().id(), step.direction(), millis, step.checksum()));
            connection.commit();
            return new StepResult(step.revision().id(), step.revision().message(), step.direction(), millis,
                    step.statements().size(), outside);
        } catch (SQLException e) {
            connection.rollback();
            String failed = number == 0 ? "its version-table change" : "statement " + number + " of " + step.statements().size()
                    + " (" + step.statements().get(number - 1) + ")";
            throw new AutogenException(ErrorCode.MIGRATION_FAILED,
                    step.direction().word() + " of revision " + step.revision().id() + " (" + step.revision().message()
                            + ") failed at " + failed + ": " + oneLine(e.getMessage()),
                    "it was rolled back; the database stays at " + (heads.isEmpty() ? "base" : String.join(", ", heads)), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void inTransaction(Connection connection, List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
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
