package dev.autogen.runner;

import dev.autogen.AutogenException;
import dev.autogen.ErrorCode;
import dev.autogen.dialect.Dialect;
import dev.autogen.revision.HeadTransitions;
import dev.autogen.revision.RevisionGraph;
import dev.autogen.revision.RevisionNode;
import dev.autogen.revision.VersionChange;
import java.util.List;
import java.util.Set;

/**
 * The SQL a run would execute, as a script for {@code psql} or a DBA, without a connection: the version
 * tables, then per migration a transaction with its statements, version-table change and history row.
 */
public final class OfflineScript {

    private final RevisionGraph graph;
    private final VersionTables tables;
    private final Dialect dialect;
    private final HeadTransitions transitions;

    public OfflineScript(RevisionGraph graph, VersionTables tables, Dialect dialect) {
        this.graph = graph;
        this.tables = tables;
        this.dialect = dialect;
        this.transitions = new HeadTransitions(graph);
    }

    /** {@code FROM:TO}, or {@code TO} from base. */
    public String upgrade(String range) {
        String[] parts = split(range);
        Set<String> from = parts[0] == null ? Set.of() : graph.resolve(parts[0], Set.of());
        List<RevisionNode> plan = graph.upgradePlan(from, graph.resolve(parts[1], from));
        return script("upgrade", range, from, plan, Direction.UPGRADE);
    }

    /** {@code FROM:TO}: offline, the starting point must be given. */
    public String downgrade(String range) {
        String[] parts = split(range);
        if (parts[0] == null) {
            throw new AutogenException(ErrorCode.BAD_TARGET, "an offline downgrade needs FROM:TO, got '" + range + "'",
                    "say where the database is, for example head:base");
        }
        Set<String> from = graph.resolve(parts[0], Set.of());
        List<RevisionNode> plan = graph.downgradePlan(from, graph.resolve(parts[1], from));
        return script("downgrade", range, from, plan, Direction.DOWNGRADE);
    }

    private String script(String verb, String range, Set<String> from, List<RevisionNode> plan, Direction direction) {
        StringBuilder sql = new StringBuilder("-- autogen ").append(verb).append(' ').append(range).append('\n');
        sql.append("\nbegin;\n");
        tables.create().forEach(s -> sql.append(s).append(";\n"));
        sql.append("commit;\n");
        Set<String> heads = from;
        for (RevisionNode node : plan) {
            Step step = Step.of(node, direction, dialect);
            sql.append("\n-- ").append(verb).append(' ').append(node.id()).append(": ").append(node.message().replace('\n', ' ')).append('\n');
            sql.append("begin;\n");
            for (String statement : step.statements()) {
                if (Step.runsOutsideTransaction(statement)) {
                    sql.append("commit;\n-- PostgreSQL runs the next statement only outside a transaction\n")
                            .append(statement).append(";\nbegin;\n");
                } else {
                    sql.append(statement).append(";\n");
                }
            }
            List<VersionChange> changes = direction == Direction.UPGRADE ? transitions.upgrade(node, heads) : transitions.downgrade(node, heads);
            for (VersionChange change : changes) {
                sql.append(tables.change(change)).append(";\n");
                heads = change.applyTo(heads);
            }
            sql.append(tables.history(node.id(), direction, null, step.checksum())).append(";\n");
            sql.append("commit;\n");
        }
        return sql.toString();
    }

    private static String[] split(String range) {
        int colon = range.indexOf(':');
        return colon < 0 ? new String[] {null, range} : new String[] {range.substring(0, colon), range.substring(colon + 1)};
    }
}
