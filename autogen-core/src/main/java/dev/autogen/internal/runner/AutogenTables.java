package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Autogen's two tables for one version table name, read against one graph: their state (made by autogen,
 * of which format), their creation and format upgrades, the heads they record, and whether the applied
 * migrations are still the ones that ran (checksums).
 */
final class AutogenTables {

    private final RevisionGraph graph;
    private final VersionTableSql tables;
    private final String defaultSchema;

    AutogenTables(RevisionGraph graph, VersionTableSql tables, String defaultSchema) {
        this.graph = graph;
        this.tables = tables;
        this.defaultSchema = defaultSchema;
    }

    record TablesState(boolean versionExists, boolean historyExists, int format, boolean versionColumnsOk) {}

    TablesState inspect(Connection connection) throws SQLException {
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

    /**
     * A history without its version table: the version table was dropped by hand, and where the database
     * stands is unknown. Taking it for base would run every migration again; only a stamp, which says where
     * the schema is, makes the version table anew.
     */
    void requireVersionTable(TablesState state) {
        if (!state.versionExists() && state.historyExists()) {
            throw new AutogenException(
                    ErrorCode.VERSION_TABLE_INVALID,
                    tables.versionTable() + " is missing, while " + tables.historyTable()
                            + " beside it records the migrations that ran here",
                    "if it was dropped by mistake, 'autogen stamp REV' with the revision the schema is at makes it"
                            + " anew (autogen history lists what ran); nothing was changed");
        }
    }

    /** A version table autogen did not make is another tool's: say so, and touch nothing. */
    void requireOurs(TablesState state) {
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
     * interrupted migration resumes. Format 4's checksums of migrations with Java steps cover their code:
     * those are recorded again, once, in the same way.
     */
    void prepare(Connection connection, boolean stamping) throws SQLException {
        TablesState state = inspect(connection);
        requireOurs(state);
        if (!stamping) {
            requireVersionTable(state);
        }
        if (state.format() == VersionTableSql.FORMAT && state.versionExists()) {
            return;
        }
        List<String> statements = new ArrayList<>(tables.create());
        boolean hadHistory = state.historyExists() && hasRows(connection, tables.historyHasRows());
        if (hadHistory && state.format() < VersionTableSql.JAVA_CODE_SINCE) {
            boolean all = state.format() < VersionTableSql.CHECKSUMS_SINCE;
            Set<String> heads = readHeads(connection);
            if (known(heads)) {
                for (String id : new TreeSet<>(graph.ancestorsOrSelf(heads))) {
                    if (all || runsJava(id)) {
                        statements.add(tables.history(
                                id,
                                Direction.STAMP,
                                null,
                                checksum(id),
                                "checksum recorded anew by autogen's table format "
                                        + (all ? VersionTableSql.CHECKSUMS_SINCE : VersionTableSql.JAVA_CODE_SINCE)));
                    }
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

    static void inTransaction(Connection connection, List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            StepRun.rollbackQuietly(connection);
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    Set<String> readHeads(Connection connection) throws SQLException {
        Set<String> heads = new TreeSet<>();
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.selectHeads())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    boolean known(Set<String> heads) {
        return heads.stream().allMatch(id -> graph.node(id).isPresent());
    }

    /** Before moving: the version table names known revisions, and no applied migration was edited since it ran. */
    void requireConsistent(Connection connection, Set<String> heads) throws SQLException {
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
    List<String> changedSinceApplied(Connection connection, Set<String> heads) throws SQLException {
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

    private boolean runsJava(String id) {
        return Recorder.upgrade(graph.node(id).orElseThrow().migration(), defaultSchema).stream()
                .anyMatch(ExecuteJava.class::isInstance);
    }

    String checksum(String id) {
        return checksum(graph.node(id).orElseThrow());
    }

    String checksum(RevisionNode node) {
        return Step.checksum(node.migration(), Recorder.upgrade(node.migration(), defaultSchema), defaultSchema);
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
}
