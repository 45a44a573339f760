package dev.autogen.internal.autogenerate;

import dev.autogen.api.Change;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.IgnoreRules;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.history.HistorySchema;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What was changed in a database by hand: how it differs from the schema its own history builds at the
 * revisions it records. The history runs on the scratch database when there is one (both sides are then
 * printed by the database, so the comparison is exact), else it is replayed in memory.
 */
public final class Drift {

    private Drift() {}

    public static List<Change> of(Workspace workspace) {
        String defaultSchema = workspace.settings().schema();
        Dialect dialect = workspace.dialect();
        workspace.requireNotInterrupted(dialect);
        RevisionGraph graph = workspace.graph();
        Set<String> schemas = new TreeSet<>(HistorySchema.createdSchemas(graph, defaultSchema));
        schemas.add(defaultSchema);
        IntrospectionScope scope = workspace.scope(List.copyOf(schemas));
        Predicate<QualifiedName> ignored = scope.excluded();
        IgnoreRules ignore = workspace.ignoreRules();
        Map.Entry<List<String>, Schema> database = workspace.withConnection(
                dialect,
                c -> Map.entry(
                        workspace.revisionsAt(dialect, c).stream().sorted().toList(),
                        dialect.introspect(c, scope).schema()));
        List<String> at = database.getKey();
        Schema live = ignore.apply(dialect.canonical(database.getValue()));
        Schema history;
        if (workspace.settings().scratch() != null) {
            Workspace scratch = workspace.onScratchAt(at);
            history = ignore.apply(dialect.canonical(scratch.withConnection(dialect, c -> dialect.introspect(c, scope))
                    .schema()));
        } else {
            history = ignore.apply(dialect.canonical(HistorySchema.at(graph, at, defaultSchema)));
        }
        return Scaffold.changes(dialect, SchemaDiffer.diff(history, live, ignored, dialect.diffRules()));
    }
}
