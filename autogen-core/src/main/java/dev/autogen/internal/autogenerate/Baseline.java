package dev.autogen.internal.autogenerate;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ComparedWith;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RevisionResult;
import dev.autogen.internal.codegen.MigrationWriter;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.entities.EntityReader;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The first revision of a project whose database has a schema but no autogen history: it creates what the
 * database has, in the default schema and the schemas the entities name, and lists what it cannot.
 */
public final class Baseline {

    private Baseline() {}

    /** Writes the revision; the caller stamps the database at it. */
    public static RevisionResult write(
            Workspace workspace,
            Function<Dialect, MigrationWriter> writer,
            String message,
            String revisionId,
            Instant created) {
        Project project = workspace.requireProject();
        String defaultSchema = workspace.settings().schema();
        RevisionGraph graph = workspace.graph();
        if (!graph.revisions().isEmpty()) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "the project has migrations already (" + graph.heads() + "): a baseline is the first revision",
                    "baseline a new project, or stamp the database at the revision its schema matches");
        }
        Dialect dialect = workspace.dialect();
        Set<String> schemas = new TreeSet<>(List.of(defaultSchema));
        if (project.entities() != null) {
            try (EntityModel model =
                    EntityReader.read(project.entities(), dialect, PendingEntityModel.cacheDir(project))) {
                schemas.addAll(model.schema().namespaces());
            }
        }
        IntrospectionScope scope = workspace.scope(List.copyOf(schemas));
        Predicate<QualifiedName> ignored = scope.excluded();
        Map.Entry<Schema, List<String>> live = workspace.withConnection(dialect, c -> {
            Set<String> at = workspace.revisionsAt(dialect, c);
            if (!at.isEmpty()) {
                throw new AutogenException(
                        ErrorCode.BAD_TARGET,
                        "the database has an autogen history already (at " + String.join(", ", new TreeSet<>(at)) + ")",
                        "a baseline is for a database autogen has never migrated");
            }
            return Map.entry(
                    workspace
                            .ignoreRules()
                            .apply(dialect.canonical(
                                    dialect.introspect(c, scope).schema())),
                    dialect.notReproduced(c, scope));
        });
        Schema empty = Schema.empty().withNamespaces(List.of(defaultSchema));
        List<Operation> operations = SchemaDiffer.diff(empty, live.getKey(), ignored, dialect.diffRules());
        String id = NewRevisions.newId(graph, revisionId);
        RevisionInfo info = new RevisionInfo(id, List.of(), List.of(), List.of(), message, created);
        Path file =
                NewRevisions.write(project, writer.apply(dialect).write(info, operations, Map.of(), live.getValue()));
        return new RevisionResult(
                file,
                id,
                List.of(),
                Scaffold.changes(dialect, operations),
                List.of(),
                ComparedWith.DATABASE,
                null,
                live.getValue());
    }
}
