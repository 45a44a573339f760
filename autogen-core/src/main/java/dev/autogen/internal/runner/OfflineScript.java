package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RunOptions;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.revision.HeadTransitions;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.revision.VersionChange;
import dev.autogen.internal.runner.Step.Java;
import dev.autogen.internal.runner.Step.Proof;
import dev.autogen.internal.runner.Step.Statement;
import dev.autogen.internal.text.Inert;
import java.util.List;
import java.util.Set;

/**
 * The SQL a run would execute, as a script for {@code psql} or a DBA, without a connection: the lock and
 * the version tables, then per migration a transaction that first checks the version table is where the
 * script expects it (and stops otherwise), then its statements, version-table change and history row.
 */
public final class OfflineScript {

    private final RevisionGraph graph;
    private final Dialect dialect;
    private final VersionTableSql tables;
    private final String defaultSchema;
    private final RunOptions options;
    private final HeadTransitions transitions;
    /** What ends a statement in this database's client, then a new line. */
    private final String end;

    public OfflineScript(
            RevisionGraph graph, Dialect dialect, String defaultSchema, String versionTable, RunOptions options) {
        this.graph = graph;
        this.dialect = dialect;
        this.tables = dialect.versionTables(defaultSchema, versionTable);
        this.defaultSchema = defaultSchema;
        this.options = options;
        this.transitions = new HeadTransitions(graph);
        this.end = dialect.scriptSyntax().end() + "\n";
    }

    /** {@code FROM:TO}, or {@code TO} from base. */
    public String upgrade(String range) {
        String[] parts = split(range);
        Set<String> from = parts[0] == null ? Set.of() : graph.resolve(parts[0], Set.of());
        List<RevisionNode> plan = graph.upgradePlan(from, graph.resolve(parts[1], from));
        return script("upgrade", range, from, plan, Direction.UPGRADE);
    }

    /**
     * One script that brings a database at any revision on the way from {@code FROM} (base when not given)
     * to {@code TO} there: each migration runs, all or nothing, only when the version table stands where
     * it starts, so those already applied are passed over; at the end the version table must be at
     * {@code TO}, or the script stops with an error.
     */
    public String idempotentUpgrade(String range) {
        String[] parts = split(range);
        Set<String> from = parts[0] == null ? Set.of() : graph.resolve(parts[0], Set.of());
        Set<String> to = graph.resolve(parts[1], from);
        List<RevisionNode> plan = graph.upgradePlan(from, to);
        StringBuilder sql = new StringBuilder("-- autogen upgrade, idempotent ")
                .append(Inert.lineComment(range))
                .append('\n');
        sql.append("-- Brings a database at any revision of the range to its end; stops at the first error.\n");
        sql.append("\\set ON_ERROR_STOP on\n");
        tables.scriptPreamble(options).forEach(s -> sql.append(s).append(";\n"));
        tables.create().forEach(s -> sql.append(s).append(";\n"));
        Set<String> heads = from;
        for (RevisionNode node : plan) {
            // A guarded block is one transaction: concurrent builds run as plain ones there.
            Step step = Step.inTransaction(node, Direction.UPGRADE, dialect, defaultSchema);
            List<String> statements = new java.util.ArrayList<>();
            for (Statement statement : step.statements()) {
                String text = statement instanceof Java java ? offline(node, java) : statement.text();
                if (dialect.runsOutsideTransaction(text)) {
                    throw new AutogenException(
                            ErrorCode.MIGRATION_INVALID,
                            "revision " + node.id() + " (" + node.origin() + ") runs a statement only allowed outside a"
                                    + " transaction, which an idempotent script cannot guard: " + Inert.terminal(text),
                            "write a script for a known starting point instead (upgrade --sql FROM:TO)");
                }
                statements.add(text);
            }
            Set<String> before = heads;
            for (VersionChange change : transitions.upgrade(node, heads)) {
                statements.add(tables.change(change));
                heads = change.applyTo(heads);
            }
            statements.add(tables.history(node.id(), Direction.UPGRADE, null, step.checksum(), "idempotent script"));
            sql.append("\n-- upgrade ")
                    .append(Inert.lineComment(node.id()))
                    .append(": ")
                    .append(Inert.lineComment(node.info().title()))
                    .append(", unless applied already\n");
            sql.append(tables.whenHeadsAre(before, statements)).append(";\n");
        }
        sql.append("\n")
                .append(tables.expectHeads(heads, "the end of the idempotent script"))
                .append(";\n");
        return sql.toString();
    }

    /** What one revision runs, statement by statement, with no version-table bookkeeping around it. */
    public String revision(RevisionNode node, Direction direction) {
        StringBuilder sql = new StringBuilder();
        for (Statement statement :
                Step.of(node, direction, dialect, defaultSchema).statements()) {
            if (statement instanceof Java java) {
                String offline = java.step().offlineSql();
                sql.append(offline == null ? "-- a Java data step, with no SQL of its own" : offline + ";")
                        .append('\n');
            } else {
                sql.append(statement.text()).append(";\n");
            }
        }
        return sql.toString();
    }

    /** {@code FROM:TO}: offline, the starting point must be given. */
    public String downgrade(String range) {
        String[] parts = split(range);
        if (parts[0] == null) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "an offline downgrade needs FROM:TO, got '" + range + "'",
                    "say where the database is, for example head:base");
        }
        Set<String> from = graph.resolve(parts[0], Set.of());
        List<RevisionNode> plan = graph.downgradePlan(from, graph.resolve(parts[1], from));
        return script("downgrade", range, from, plan, Direction.DOWNGRADE);
    }

    private String script(String verb, String range, Set<String> from, List<RevisionNode> plan, Direction direction) {
        StringBuilder sql = new StringBuilder("-- autogen ")
                .append(verb)
                .append(' ')
                .append(Inert.lineComment(range))
                .append('\n');
        dialect.scriptSyntax().header().forEach(line -> sql.append(line).append('\n'));
        tables.scriptPreamble(options).forEach(s -> sql.append(s).append(end));
        sql.append("\nbegin").append(end);
        tables.create().forEach(s -> sql.append(s).append(end));
        sql.append("commit").append(end);
        Set<String> heads = from;
        for (RevisionNode node : plan) {
            Step step = Step.of(node, direction, dialect, defaultSchema);
            sql.append("\n-- ")
                    .append(verb)
                    .append(' ')
                    .append(Inert.lineComment(node.id()))
                    .append(": ")
                    .append(Inert.lineComment(node.info().title()))
                    .append('\n');
            sql.append("begin").append(end);
            String expect = tables.expectHeads(heads, verb + " of revision " + node.id());
            sql.append(expect).append(end);
            sql.append(tables.expectNoPartial()).append(end);
            for (Proof proof : step.proofs()) {
                if (proof.first()) {
                    sql.append(guard(step, proof, "nothing of this migration was done"))
                            .append(end);
                }
            }
            boolean marked = false;
            List<Statement> statements = step.statements();
            for (int index = 0; index < statements.size(); index++) {
                Statement statement = statements.get(index);
                String text = statement instanceof Java java ? offline(node, java) : statement.text();
                if (!statement.alone()) {
                    sql.append(text).append(end);
                    continue;
                }
                for (Proof proof : step.proofs()) {
                    if (!proof.first() && proof.statement() == index) {
                        sql.append(guard(
                                        step,
                                        proof,
                                        marked
                                                ? "the statements before it stay done, and the history marks how far it got: "
                                                        + Step.ways(direction)
                                                : "nothing of this migration was done"))
                                .append(end);
                    }
                }
                // The mark commits with what came before, and moves past the statement once it is done, so
                // that autogen can complete or undo the migration if the script stops there.
                sql.append(
                                marked
                                        ? tables.updatePartialOf(node.id(), index)
                                        : tables.insertPartial(node.id(), direction, text, index, step.checksum()))
                        .append(end);
                marked = true;
                sql.append("commit")
                        .append(end)
                        .append("-- The next statement runs on its own, outside the migration's transaction.\n")
                        .append(expect)
                        .append(end)
                        .append(text)
                        .append(end)
                        .append(tables.updatePartialOf(node.id(), index + 1))
                        .append(end)
                        .append("begin")
                        .append(end);
            }
            List<VersionChange> changes = direction == Direction.UPGRADE
                    ? transitions.upgrade(node, heads)
                    : transitions.downgrade(node, heads);
            for (VersionChange change : changes) {
                sql.append(tables.change(change)).append(end);
                heads = change.applyTo(heads);
            }
            if (marked) {
                sql.append(tables.clearPartialOf(node.id())).append(end);
            }
            sql.append(tables.history(node.id(), direction, null, step.checksum(), "offline script"))
                    .append(end);
            sql.append("commit").append(end);
        }
        return sql.toString();
    }

    /** Stops the script when the rows would refuse the proof's statement. */
    private String guard(Step step, Proof proof, String then) {
        int index = proof.statement();
        return dialect.refusalGuard(
                proof.query(),
                step.direction().word() + " of revision " + step.revision().id() + ": statement " + (index + 1) + " of "
                        + step.statements().size() + " ("
                        + Runner.shorten(step.statements().get(index).text()) + ")",
                then);
    }

    private static String offline(RevisionNode node, Java java) {
        String sql = java.step().offlineSql();
        if (sql == null) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    "revision " + node.id() + " (" + node.origin()
                            + ") has a Java data step, which an SQL script cannot run",
                    "give the step the SQL that does the same (DataStep.withOfflineSql), or run 'autogen upgrade' against the database");
        }
        return sql;
    }

    private static String[] split(String range) {
        int colon = range.indexOf(':');
        return colon < 0
                ? new String[] {null, range}
                : new String[] {range.substring(0, colon), range.substring(colon + 1)};
    }
}
