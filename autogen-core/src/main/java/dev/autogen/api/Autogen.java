package dev.autogen.api;

import dev.autogen.AutogenException;
import dev.autogen.ErrorCode;
import dev.autogen.codegen.MigrationSource;
import dev.autogen.codegen.MigrationWriter;
import dev.autogen.codegen.RevisionInfo;
import dev.autogen.db.Connections;
import dev.autogen.diff.SchemaDiffer;
import dev.autogen.entities.EntityModel;
import dev.autogen.entities.EntityReader;
import dev.autogen.introspect.Introspection;
import dev.autogen.introspect.IntrospectionScope;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.operations.Operation;
import dev.autogen.revision.GraphError;
import dev.autogen.revision.RevisionGraphException;
import dev.autogen.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * autogen's verbs. An instance loads the migrations once, on first need; each call opens its own
 * connection when it needs one, and returns what happened; failures are {@link dev.autogen.AutogenException}s.
 */
public final class Autogen {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final Migrations migrations;
    private final Project project;
    private final Dialect dialect = new PostgresDialect();
    private RevisionGraph graph;

    /** For running migrations, from sources or from an application's classes. */
    public Autogen(Settings settings, Migrations migrations) {
        this(settings, migrations, null);
    }

    private Autogen(Settings settings, Migrations migrations, Project project) {
        this.settings = settings;
        this.migrations = migrations;
        this.project = project;
    }

    /** For a project: running, and also making revisions from its entities. */
    public static Autogen forProject(Settings settings, Project project) {
        return new Autogen(settings, project.migrations(), project);
    }

    /**
     * Writes a new migration after the head (or {@code request.head()}). With autogenerate, the database
     * must be at that revision; its differences from the entities become the upgrade, and when there are
     * none no file is written unless {@code allowEmpty}.
     */
    public RevisionResult revision(RevisionRequest request) {
        Project project = requireProject();
        Stages stages = new Stages();
        RevisionGraph graph = stages.time("migrations", this::graph);
        stages.note(graph.revisions().size() + " revisions");
        List<String> parents = parents(graph, request.head());
        String id = newId(graph, request.revisionId());
        List<Operation> operations = List.of();
        if (request.autogenerate()) {
            Set<String> current = withConnection(c -> new Runner(graph, tables(), dialect).current(c));
            if (!current.equals(Set.copyOf(parents))) {
                throw new AutogenException(ErrorCode.NOT_AT_HEAD,
                        "the database is at " + describe(current) + ", not at " + describe(Set.copyOf(parents)),
                        "run 'autogen upgrade head' first, or 'autogen stamp' if the schema is already there");
            }
            operations = differences(project, stages);
            if (operations.isEmpty() && !request.allowEmpty()) {
                return new RevisionResult(null, id, parents, operations, stages.list());
            }
        }
        RevisionInfo info = new RevisionInfo(id, parents, request.message(), request.created(), request.branchLabels(), request.dependsOn());
        List<Operation> upgrade = operations;
        MigrationSource source = stages.time("codegen", () -> MigrationWriter.write(project.migrationsPackage(), info, upgrade));
        // Not compiled here: the next command compiles it once and keeps the classes (see MigrationLoader).
        Path file = write(project, source);
        return new RevisionResult(file, id, parents, operations, stages.list());
    }

    /** Writes a migration that joins {@code revisions} into one head and changes nothing itself. */
    public RevisionResult merge(List<String> revisions, String message, String revisionId, Instant created) {
        Project project = requireProject();
        RevisionGraph graph = graph();
        List<String> parents = new ArrayList<>();
        for (String revision : revisions) {
            graph.resolve(revision, Set.of()).forEach(parents::add);
        }
        if (parents.stream().distinct().count() < 2) {
            throw new AutogenException(ErrorCode.BAD_TARGET, "a merge needs two or more revisions, got " + parents,
                    "name the heads to merge, for example 'autogen merge heads -m ...'");
        }
        String id = newId(graph, revisionId);
        RevisionInfo info = RevisionInfo.of(id, parents.stream().distinct().sorted().toList(), message, created);
        return new RevisionResult(write(project, MigrationWriter.write(project.migrationsPackage(), info, List.of())), id, info.revises(),
                List.of(), List.of());
    }

    /** What the database lacks or has beyond the entities: empty when they match. */
    public List<Operation> check() {
        return differences(requireProject(), new Stages());
    }

    /** One revision, by id, prefix or label. */
    public RevisionNode show(String revision) {
        RevisionGraph graph = graph();
        Set<String> ids = graph.resolve(revision, Set.of());
        if (ids.size() != 1) {
            throw new AutogenException(ErrorCode.BAD_TARGET, "'" + revision + "' names " + ids.size() + " revisions", "name one");
        }
        return graph.node(ids.iterator().next()).orElseThrow();
    }

    private List<Operation> differences(Project project, Stages stages) {
        if (project.entities() == null) {
            throw new AutogenException(ErrorCode.CONFIG_INVALID, "no entities are configured", "set entities.classpath");
        }
        Schema target = stages.time("entities", () -> {
            try (EntityModel model = EntityReader.read(project.entities())) {
                return model.schema();
            }
        });
        stages.note(target.tables().size() + " tables");
        IntrospectionScope scope = settings.scope(target.namespaces());
        Introspection introspection = stages.time("introspection", () -> withConnection(c -> PostgresIntrospector.introspect(c, scope)));
        stages.note(introspection.catalogQueries() + " catalog queries, " + introspection.schema().tables().size() + " tables");
        List<Operation> operations = stages.time("diff",
                () -> SchemaDiffer.diff(introspection.schema(), target, name -> scope.excludes(name.schema(), name.name())));
        stages.note(operations.size() + " operations");
        return operations;
    }


    private static List<String> parents(RevisionGraph graph, String head) {
        if (head == null) {
            List<String> heads = graph.heads();
            if (heads.size() > 1) {
                throw new RevisionGraphException(new GraphError.MultipleHeads(heads));
            }
            return heads;
        }
        return List.copyOf(new java.util.TreeSet<>(graph.resolve(head, Set.of())));
    }

    private static String newId(RevisionGraph graph, String requested) {
        String id = requested;
        if (id == null) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        }
        if (!id.matches("[A-Za-z0-9_]+")) {
            throw new AutogenException(ErrorCode.BAD_TARGET, "revision id '" + id + "' has characters other than letters, digits and _",
                    "choose an id like 3f2a9c1d07be");
        }
        Optional<RevisionNode> taken = graph.node(id);
        if (taken.isPresent()) {
            throw new AutogenException(ErrorCode.DUPLICATE_REVISION, "revision id " + id + " is taken by " + taken.get().origin(),
                    "choose another --rev-id");
        }
        return id;
    }

    private static Path write(Project project, MigrationSource source) {
        Path file = project.migrationsDir().resolve(source.relativePath());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.source(), StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new AutogenException(ErrorCode.FILE_EXISTS, file + " exists already and would be overwritten",
                    "use another message, or wait a second: file names carry the time", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Set<String> revisions) {
        return revisions.isEmpty() ? "base" : String.join(", ", new java.util.TreeSet<>(revisions));
    }

    private Project requireProject() {
        if (project == null) {
            throw new IllegalStateException("making revisions needs a Project: use Autogen.forProject");
        }
        return project;
    }

    /** The migrations' graph, loaded (and compiled, when they are sources) once per instance. */
    public synchronized RevisionGraph graph() {
        if (graph == null) {
            graph = RevisionGraph.of(migrations.load());
        }
        return graph;
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
        List<HistoryEntry> entries = new ArrayList<>();
        for (RevisionNode node : graph().revisions()) {
            entries.add(entry(node, current));
        }
        Collections.reverse(entries);
        return entries;
    }

    /** One revision with its marks: a head has no child, a branch point two or more. */
    public HistoryEntry entry(RevisionNode node, Set<String> current) {
        int children = graph().children(node.id()).size();
        return new HistoryEntry(node, current.contains(node.id()), children == 0, children > 1, node.isMerge());
    }

    private Runner runner() {
        return new Runner(graph(), tables(), dialect, settings.runOptions());
    }

    private VersionTables tables() {
        return new VersionTables(settings.schema(), settings.versionTable());
    }

    private <T> T withConnection(Function<Connection, T> work) {
        try (Connection connection = Connections.open(settings.connection().get())) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("closing the connection failed", e);
        }
    }

    /** A revision the version table names but no migration has: shown as such, not hidden. */
    private static RevisionNode unknown(String id) {
        return new RevisionNode(id, List.of(), List.of(), List.of(), "(no migration has this revision)",
                Instant.EPOCH, "version table", null);
    }
}
