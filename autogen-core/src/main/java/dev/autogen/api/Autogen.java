package dev.autogen.api;

import dev.autogen.db.Connections;
import dev.autogen.dialect.Dialect;
import dev.autogen.dialect.PostgresDialect;
import dev.autogen.revision.RevisionGraph;
import dev.autogen.revision.RevisionNode;
import dev.autogen.runner.OfflineScript;
import dev.autogen.runner.RunResult;
import dev.autogen.runner.Runner;
import dev.autogen.runner.VersionTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * autogen's verbs. Each call loads the migrations, opens its own connection when it needs one, and
 * returns what happened; failures are {@link dev.autogen.AutogenException}s.
 */
public final class Autogen {

    private final Settings settings;
    private final Migrations migrations;
    private final Dialect dialect = new PostgresDialect();

    public Autogen(Settings settings, Migrations migrations) {
        this.settings = settings;
        this.migrations = migrations;
    }

    public RevisionGraph graph() {
        return RevisionGraph.of(migrations.load());
    }

    public RunResult upgrade(String target) {
        Runner runner = runner();
        return withConnection(c -> runner.upgrade(c, target));
    }

    public RunResult downgrade(String target) {
        Runner runner = runner();
        return withConnection(c -> runner.downgrade(c, target));
    }

    public RunResult stamp(String target) {
        Runner runner = runner();
        return withConnection(c -> runner.stamp(c, target));
    }

    /** The script of an upgrade over {@code FROM:TO} (or {@code TO} from base), touching no database. */
    public String upgradeSql(String range) {
        return new OfflineScript(graph(), tables(), dialect).upgrade(range);
    }

    /** The script of a downgrade over {@code FROM:TO}, touching no database. */
    public String downgradeSql(String range) {
        return new OfflineScript(graph(), tables(), dialect).downgrade(range);
    }

    public Current current() {
        RevisionGraph graph = graph();
        Set<String> heads = withConnection(c -> new Runner(graph, tables(), dialect).current(c));
        List<RevisionNode> nodes = heads.stream().map(id -> graph.node(id).orElse(unknown(id))).toList();
        return new Current(nodes, heads.equals(Set.copyOf(graph.heads())));
    }

    public List<RevisionNode> heads() {
        RevisionGraph graph = graph();
        return graph.heads().stream().map(id -> graph.node(id).orElseThrow()).toList();
    }

    /** Every revision, newest first, with the current ones marked when a database is reachable. */
    public List<HistoryEntry> history(Set<String> current) {
        RevisionGraph graph = graph();
        Set<String> heads = Set.copyOf(graph.heads());
        Set<String> branchPoints = Set.copyOf(graph.branchPoints());
        List<HistoryEntry> entries = new ArrayList<>();
        for (RevisionNode node : graph.revisions()) {
            entries.add(0, new HistoryEntry(node, current.contains(node.id()), heads.contains(node.id()),
                    branchPoints.contains(node.id()), node.isMerge()));
        }
        return entries;
    }

    private Runner runner() {
        return new Runner(graph(), tables(), dialect);
    }

    private VersionTables tables() {
        return new VersionTables(settings.schema(), settings.versionTable());
    }

    private <T> T withConnection(Function<Connection, T> work) {
        try (Connection connection = Connections.open(settings.connection())) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("closing the connection failed", e);
        }
    }

    /** A revision the version table names but no migration has: shown as such, not hidden. */
    private static RevisionNode unknown(String id) {
        return new RevisionNode(id, List.of(), List.of(), List.of(), "(no migration has this revision)",
                java.time.Instant.EPOCH, "version table", null);
    }
}
