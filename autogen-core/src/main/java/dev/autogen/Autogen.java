package dev.autogen;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Branch;
import dev.autogen.api.Change;
import dev.autogen.api.ComparedWith;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.Current;
import dev.autogen.api.Direction;
import dev.autogen.api.EntitySource;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.HistoryEntry;
import dev.autogen.api.LintFinding;
import dev.autogen.api.Migrations;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunResult;
import dev.autogen.api.Settings;
import dev.autogen.internal.autogenerate.Comparison;
import dev.autogen.internal.autogenerate.Differences;
import dev.autogen.internal.autogenerate.Lint;
import dev.autogen.internal.autogenerate.NewRevisions;
import dev.autogen.internal.autogenerate.PendingEntityModel;
import dev.autogen.internal.autogenerate.Scaffold;
import dev.autogen.internal.autogenerate.Squash;
import dev.autogen.internal.autogenerate.Stages;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.codegen.MigrationWriter;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.IgnoreRules;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.discovery.MigrationLoader;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.entities.EntityReader;
import dev.autogen.internal.history.HistorySchema;
import dev.autogen.internal.operations.DataLoss;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.HistoryListing;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.runner.OfflineScript;
import dev.autogen.internal.runner.Runner;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * autogen's verbs, one method each, each returning what happened; a failure is an
 * {@link AutogenException} naming the cause and the fix. An instance loads the migrations once, on first
 * need, and opens a connection of its own for each verb that needs the database.
 *
 * <pre>{@code
 * Autogen autogen = new Autogen(Settings.of(new ConnectionSettings(url, user, password)),
 *         Migrations.fromClassLoader(MyApp.class.getClassLoader(), "com.example.migrations"));
 * autogen.upgrade("head");
 * }</pre>
 */
public final class Autogen {

    private final Settings settings;
    private final Migrations migrations;
    private final Project project;
    private RevisionGraph graph;
    private volatile Runner running;

    /** For running migrations, from sources or from an application's classes. */
    public Autogen(Settings settings, Migrations migrations) {
        this(settings, migrations, null);
    }

    private Autogen(Settings settings, Migrations migrations, Project project) {
        this.settings = settings;
        this.migrations = migrations;
        this.project = project;
    }

    /**
     * For an application at start-up: running its compiled migrations, and checking its entities against
     * the database ({@link #check}). Entity models are kept in {@code cacheDir} between starts.
     */
    public static Autogen forApplication(
            Settings settings, Migrations migrations, EntitySource entities, Path cacheDir) {
        return new Autogen(settings, migrations, new Project(cacheDir.resolve("migrations"), "", cacheDir, entities));
    }

    /** For a project: running, and also making revisions from its entities. */
    public static Autogen forProject(Settings settings, Project project) {
        return new Autogen(settings, project.migrations(), project);
    }

    // ---------------------------------------------------------------- making revisions

    /**
     * Writes a new migration after the head (or {@code request.head()}). With autogenerate, the database
     * (or, asked {@code fromHistory}, the schema the migrations build) must be at that revision; its
     * differences from the entities become the upgrade, and when there are none no file is written unless
     * {@code allowEmpty}. An existing file is never overwritten.
     */
    public RevisionResult revision(RevisionRequest request) {
        Project project = requireProject();
        NewRevisions.requireMessage(request.message());
        if (!request.autogenerate()) {
            return revision(project, request, null, null);
        }
        Dialect dialect = request.fromHistory() ? Dialects.standard() : dialect();
        try (PendingEntityModel entities = readEntities(project, dialect)) {
            return revision(project, request, dialect, entities);
        }
    }

    private RevisionResult revision(
            Project project, RevisionRequest request, Dialect dialect, PendingEntityModel entities) {
        Stages stages = new Stages();
        RevisionGraph graph = stages.time("migrations", this::graph);
        stages.note(graph.revisions().size() + " revisions");
        List<String> parents = NewRevisions.parents(graph, request.head());
        String id = NewRevisions.newId(graph, request.revisionId());
        Differences found = new Differences(List.of(), Map.of());
        ComparedWith comparedWith = null;
        String comparedWhy = null;
        if (request.autogenerate()) {
            if (request.fromHistory()) {
                try {
                    Schema history = stages.time(
                            "history", () -> dialect.canonical(HistorySchema.at(graph, parents, settings.schema())));
                    found = comparison(dialect, stages).fromHistory(history, entities, request);
                    comparedWith = ComparedWith.HISTORY_IN_MEMORY;
                } catch (HistorySchema.Unreplayable e) {
                    Autogen scratch = stages.time("history", () -> onScratch(e, parents));
                    found = scratch.withConnection(
                            dialect,
                            c -> scratch.comparison(dialect, stages).fromDatabase(c, entities, request, parents));
                    comparedWith = ComparedWith.HISTORY_ON_SCRATCH;
                    comparedWhy = e.getMessage();
                }
            } else {
                comparedWith = ComparedWith.DATABASE;
                // One connection for the whole comparison: where the database is, what it has, its rows.
                found = withConnection(dialect, c -> {
                    Set<String> at = runner(dialect).current(c);
                    if (!at.equals(Set.copyOf(parents))) {
                        throw new AutogenException(
                                ErrorCode.NOT_AT_HEAD,
                                "the database is at " + describe(at) + ", not at " + describe(Set.copyOf(parents)),
                                "run 'autogen upgrade head' first, or 'autogen stamp' if the schema is already there");
                    }
                    Comparison comparison = comparison(dialect, stages);
                    Differences differences = comparison.fromDatabase(c, entities, request, parents);
                    return differences.operations().isEmpty()
                            ? differences
                            : new Differences(
                                    differences.operations(),
                                    comparison.withRowFacts(c, differences.operations(), differences.notes()));
                });
            }
            if (found.operations().isEmpty() && !request.allowEmpty()) {
                return new RevisionResult(
                        null, id, parents, List.of(), stages.list(), comparedWith, comparedWhy, List.of());
            }
        }
        RevisionInfo info = new RevisionInfo(
                id, parents, request.branchLabels(), request.dependsOn(), request.message(), request.created());
        Dialect standard = Dialects.standard();
        Scaffold scaffold = Scaffold.of(found, standard, request.lockSafe());
        MigrationSource source =
                stages.time("codegen", () -> writer(standard).write(info, scaffold.upgrade(), scaffold.said()));
        // Not compiled here: the next command compiles it once and keeps the classes (see MigrationLoader).
        Path file = NewRevisions.write(project, source);
        forgetGraph();
        return new RevisionResult(
                file, id, parents, scaffold.changes(standard), stages.list(), comparedWith, comparedWhy, List.of());
    }

    /** The comparison of the entities with this project's database or history, timed in {@code stages}. */
    private Comparison comparison(Dialect dialect, Stages stages) {
        return new Comparison(dialect, settings.schema(), graph(), ignoreRules(), this::scope, stages);
    }

    /** Writes a migration that joins {@code revisions} into one head and changes nothing itself. */
    public RevisionResult merge(List<String> revisions, String message, String revisionId, Instant created) {
        Project project = requireProject();
        NewRevisions.requireMessage(message);
        RevisionGraph graph = graph();
        List<String> parents = new ArrayList<>();
        for (String revision : revisions) {
            graph.resolve(revision, Set.of()).forEach(parents::add);
        }
        if (parents.stream().distinct().count() < 2) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "a merge needs two or more revisions, got " + parents,
                    "name the heads to merge, for example 'autogen merge heads -m ...'");
        }
        String id = NewRevisions.newId(graph, revisionId);
        RevisionInfo info =
                RevisionInfo.of(id, parents.stream().distinct().sorted().toList(), message, created);
        Path file = NewRevisions.write(project, writer(Dialects.standard()).write(info, List.of()));
        forgetGraph();
        return new RevisionResult(file, id, info.revises(), List.of(), List.of());
    }

    /**
     * An autogen over the scratch database, brought to {@code revisions} by running the history there: for
     * a history whose SQL or Java steps only a database can run.
     */
    private Autogen onScratch(HistorySchema.Unreplayable unreplayable, List<String> revisions) {
        if (settings.scratch() == null) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    unreplayable.getMessage() + ", and no throw-away database is at hand to run the history on",
                    "autogenerate against a database at the head, or give Settings a scratch database");
        }
        return scratchAt(revisions);
    }

    /** An autogen over the scratch database (which must be set), with the history run there up to {@code revisions}. */
    private Autogen scratchAt(List<String> revisions) {
        Autogen scratch = new Autogen(
                settings.withConnection(settings.scratch()).withScratch(null).withListener(RunListener.NONE),
                migrations,
                project);
        scratch.graph = graph();
        revisions.forEach(scratch::upgrade);
        return scratch;
    }

    /**
     * Writes one revision that replaces the range from {@code from} to {@code to} (both included): a new
     * database runs it in their place and records {@code to}; a database inside the range runs the
     * originals, which stay. Its operations are the change from before the range to its end, as one
     * comparison of the two schemas (a create holds its final columns); a range that runs SQL keeps its
     * operations in order instead, and one with Java steps cannot be squashed.
     */
    public RevisionResult squash(String from, String to, String message, String revisionId, Instant created) {
        Project project = requireProject();
        NewRevisions.requireMessage(message);
        RevisionGraph graph = graph();
        Dialect dialect = Dialects.standard();
        Squash squash = Squash.of(graph, from, to, dialect, settings.schema());
        String id = NewRevisions.newId(graph, revisionId);
        RevisionInfo info = squash.info(id, message, created);
        List<Operation> operations = squash.operations();
        List<String> before = info.revises();
        Path file = NewRevisions.write(project, writer(dialect).write(info, operations));
        forgetGraph();
        return new RevisionResult(file, id, before, Scaffold.changes(dialect, operations), List.of());
    }

    /**
     * Adopts a database that has a schema but no autogen history: writes the first revision, which creates
     * what the database has (in the default schema and the schemas the entities name), and stamps the
     * database at it without running anything. Then {@code check} shows only what the entities want
     * beyond it.
     */
    public RevisionResult baseline(String message, String revisionId, Instant created) {
        Project project = requireProject();
        NewRevisions.requireMessage(message);
        RevisionGraph graph = graph();
        if (!graph.revisions().isEmpty()) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "the project has migrations already (" + graph.heads() + "): a baseline is the first revision",
                    "baseline a new project, or stamp the database at the revision its schema matches");
        }
        Dialect dialect = dialect();
        Set<String> schemas = new TreeSet<>(List.of(settings.schema()));
        if (project.entities() != null) {
            try (EntityModel model = EntityReader.read(project.entities(), dialect, entityCache(project))) {
                schemas.addAll(model.schema().namespaces());
            }
        }
        IntrospectionScope scope = scope(List.copyOf(schemas));
        Predicate<QualifiedName> ignored = name -> scope.excludes(name.schema(), name.name());
        Map.Entry<Schema, List<String>> live = withConnection(dialect, c -> {
            Set<String> at = runner(dialect).current(c);
            if (!at.isEmpty()) {
                throw new AutogenException(
                        ErrorCode.BAD_TARGET,
                        "the database has an autogen history already (at " + describe(at) + ")",
                        "a baseline is for a database autogen has never migrated");
            }
            return Map.entry(
                    ignoreRules()
                            .apply(dialect.canonical(
                                    dialect.introspect(c, scope).schema())),
                    dialect.notReproduced(c, scope));
        });
        Schema empty = Schema.empty().withNamespaces(List.of(settings.schema()));
        List<Operation> operations = SchemaDiffer.diff(empty, live.getKey(), ignored, dialect.diffRules());
        String id = NewRevisions.newId(graph, revisionId);
        RevisionInfo info = new RevisionInfo(id, List.of(), List.of(), List.of(), message, created);
        Path file = NewRevisions.write(project, writer(dialect).write(info, operations, Map.of(), live.getValue()));
        forgetGraph();
        stamp(id);
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

    /** What the database lacks or has beyond the entities: empty when they match. */
    public List<Change> check() {
        Project project = requireProject();
        Dialect dialect = dialect();
        requireNotInterrupted(dialect);
        try (PendingEntityModel entities = readEntities(project, dialect)) {
            List<Operation> operations = withConnection(
                            dialect, c -> comparison(dialect, new Stages()).fromDatabase(c, entities, null, List.of()))
                    .operations();
            return Scaffold.changes(dialect, operations);
        }
    }

    /**
     * What was changed in the database by hand: how it differs from the schema its own history builds at
     * the revisions it records, as the changes that would turn that schema into the database's. Empty when
     * nothing was. The history runs on the scratch database when there is one (the comparison is then
     * exact: both sides as the database prints them), else it is replayed in memory and expressions are
     * compared by the dialect's parser.
     */
    public List<Change> drift() {
        Dialect dialect = dialect();
        requireNotInterrupted(dialect);
        RevisionGraph graph = graph();
        Set<String> schemas = new TreeSet<>(HistorySchema.createdSchemas(graph, settings.schema()));
        schemas.add(settings.schema());
        IntrospectionScope scope = scope(List.copyOf(schemas));
        Predicate<QualifiedName> ignored = name -> scope.excludes(name.schema(), name.name());
        IgnoreRules ignore = ignoreRules();
        Map.Entry<List<String>, Schema> database = withConnection(
                dialect,
                c -> Map.entry(
                        runner(dialect).current(c).stream().sorted().toList(),
                        dialect.introspect(c, scope).schema()));
        List<String> at = database.getKey();
        Schema live = ignore.apply(dialect.canonical(database.getValue()));
        Schema history;
        if (settings.scratch() != null) {
            history = ignore.apply(dialect.canonical(scratchAt(at)
                    .withConnection(dialect, c -> dialect.introspect(c, scope))
                    .schema()));
        } else {
            history = ignore.apply(dialect.canonical(HistorySchema.at(graph, at, settings.schema())));
        }
        return Scaffold.changes(dialect, SchemaDiffer.diff(history, live, ignored, dialect.diffRules()));
    }

    /** The operations autogenerate found, and what it says beside some of them. */
    /** Reads the entities' model on a thread of its own; {@code null} when the project names no entities. */
    private static PendingEntityModel readEntities(Project project, Dialect dialect) {
        return project.entities() == null
                ? null
                : PendingEntityModel.start(() -> EntityReader.read(project.entities(), dialect, entityCache(project)));
    }

    /** In the cache directory, beside the compiled migrations: the entity models kept between commands. */
    private static Path entityCache(Project project) {
        return project.cacheDir().resolve("entity-models");
    }

    private MigrationWriter writer(Dialect dialect) {
        return new MigrationWriter(
                requireProject().migrationsPackage(), settings.schema(), new DataLoss(dialect.typeChanges()));
    }

    // ---------------------------------------------------------------- running

    public RunResult upgrade(String target) {
        Dialect dialect = dialect();
        Runner runner = runner(dialect);
        return whileRunning(runner, () -> withConnection(dialect, c -> runner.upgrade(c, target)));
    }

    public RunResult downgrade(String target) {
        Dialect dialect = dialect();
        Runner runner = runner(dialect);
        return whileRunning(runner, () -> withConnection(dialect, c -> runner.downgrade(c, target)));
    }

    /** Records {@code target} in the version table without running any migration: for a schema already there. */
    public RunResult stamp(String target) {
        Dialect dialect = dialect();
        Runner runner = runner(dialect);
        return whileRunning(runner, () -> withConnection(dialect, c -> runner.stamp(c, target)));
    }

    /**
     * Stops a running upgrade, downgrade or stamp from another thread (on Ctrl-C): the statement running is
     * cancelled and its migration rolled back; the verb then fails with {@link ErrorCode#CANCELLED}.
     */
    public void cancel() {
        Runner runner = running;
        if (runner != null) {
            runner.cancel();
        }
    }

    /** The script of an upgrade over {@code FROM:TO} (or {@code TO} from base), touching no database. */
    public String upgradeSql(String range) {
        return offlineScript().upgrade(range);
    }

    /**
     * One script that brings a database at any revision of {@code FROM:TO} (or base to {@code TO}) to its
     * end, passing over the migrations applied already; touching no database.
     */
    public String idempotentUpgradeSql(String range) {
        return offlineScript().idempotentUpgrade(range);
    }

    /**
     * What the migrations risk on tables with rows and traffic ({@code range}: {@code FROM:TO}, one
     * revision, or {@code null} for all), less what a migration accepts with {@code @AcceptedRisk} and a
     * reason; and a finding when the settings let DDL wait for ever behind a long reader. Touches no database.
     */
    public List<LintFinding> lint(String range) {
        return Lint.of(graph(), range, Dialects.standard(), settings);
    }

    /** The SQL one revision runs ({@code revision}: an id, prefix or label), touching no database. */
    public String revisionSql(String revision, Direction direction) {
        RevisionGraph graph = graph();
        return offlineScript()
                .revision(graph.node(HistoryListing.single(graph, revision)).orElseThrow(), direction);
    }

    /** The script of a downgrade over {@code FROM:TO}, touching no database. */
    public String downgradeSql(String range) {
        return offlineScript().downgrade(range);
    }

    private OfflineScript offlineScript() {
        return new OfflineScript(
                graph(), Dialects.standard(), settings.schema(), settings.versionTable(), settings.runOptions());
    }

    private RunResult whileRunning(Runner runner, java.util.function.Supplier<RunResult> work) {
        running = runner;
        try {
            return work.get();
        } finally {
            running = null;
        }
    }

    // ---------------------------------------------------------------- telling

    /**
     * A database a killed run left inside a migration differs from every revision: comparing it would call
     * the migration's own changes hand-made, so say what it is instead.
     */
    private void requireNotInterrupted(Dialect dialect) {
        Runner runner = runner(dialect);
        Optional<String> interrupted = withConnection(dialect, runner::interruption);
        if (interrupted.isPresent()) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INTERRUPTED,
                    interrupted.get(),
                    "nothing was compared: finish or undo it first");
        }
    }

    /** The revisions the database is at, each with its marks; none at base. */
    public Current current() {
        RevisionGraph graph = graph();
        Dialect dialect = dialect();
        Runner runner = runner(dialect);
        Map.Entry<Set<String>, Optional<String>> state =
                withConnection(dialect, c -> Map.entry(runner.current(c), runner.interruption(c)));
        Set<String> heads = state.getKey();
        return new Current(
                new HistoryListing(graph).current(heads),
                heads.equals(Set.copyOf(graph.heads())),
                state.getValue().orElse(null));
    }

    /** The revisions nothing follows. */
    public List<RevisionInfo> heads() {
        return new HistoryListing(graph()).heads();
    }

    /** The revisions two or more revisions follow, with those revisions. */
    public List<Branch> branches() {
        return new HistoryListing(graph()).branches();
    }

    /**
     * The revisions in {@code range} ({@code FROM:TO}, either side may be left out; {@code null} for all),
     * newest first, with the current ones marked: this asks the database which they are.
     */
    public List<HistoryEntry> history(String range) {
        return history(range, true);
    }

    /**
     * As {@link #history(String)}; with {@code markCurrent} false the database is not asked (nor an embedded
     * one started), and no revision is marked current, unless the range names {@code current}.
     */
    public List<HistoryEntry> history(String range, boolean markCurrent) {
        RevisionGraph graph = graph();
        Set<String> current = Set.of();
        Map<String, List<AppliedStep>> applied = Map.of();
        if (markCurrent || (range != null && range.contains("current"))) {
            Dialect dialect = dialect();
            Runner runner = runner(dialect);
            Map.Entry<Set<String>, Map<String, List<AppliedStep>>> read =
                    withConnection(dialect, c -> Map.entry(runner.current(c), runner.applied(c)));
            current = read.getKey();
            applied = read.getValue();
        }
        return new HistoryListing(graph).history(range, current, applied);
    }

    /** One revision, by id, prefix or label. */
    public HistoryEntry show(String revision) {
        return new HistoryListing(graph()).show(revision);
    }

    // ---------------------------------------------------------------- plumbing

    /** The migrations' graph, loaded (and compiled, when they are sources) once per instance. */
    private synchronized RevisionGraph graph() {
        if (graph == null) {
            List<RevisionNode> nodes;
            if (migrations instanceof Migrations.FromSources sources) {
                nodes = MigrationLoader.fromSources(sources.directory(), sources.cache());
            } else {
                Migrations.FromClassLoader classes = (Migrations.FromClassLoader) migrations;
                nodes = MigrationLoader.fromClassLoader(classes.loader(), classes.packageName());
            }
            graph = RevisionGraph.of(nodes);
        }
        return graph;
    }

    private IgnoreRules ignoreRules() {
        try {
            return IgnoreRules.parse(settings.ignore());
        } catch (IllegalArgumentException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    e.getMessage(),
                    "write KIND or KIND:PATTERN, for example index:ix_legacy_* or comment");
        }
    }

    /** A revision was written: the next verb loads the graph with it. */
    private synchronized void forgetGraph() {
        graph = null;
    }

    private Project requireProject() {
        if (project == null) {
            throw new IllegalStateException("making revisions needs a Project: use Autogen.forProject");
        }
        return project;
    }

    private Runner runner(Dialect dialect) {
        return new Runner(
                graph(),
                dialect,
                settings.schema(),
                settings.versionTable(),
                settings.runOptions(),
                settings.listener());
    }

    private IntrospectionScope scope(List<String> otherSchemas) {
        return new IntrospectionScope(
                settings.schema(), otherSchemas, settings.excludeTables(), settings.versionTable());
    }

    private ConnectionSettings connection() {
        return settings.connection().get();
    }

    private Dialect dialect() {
        ConnectionSettings connection = connection();
        return Dialects.forUrl(connection.url(), connection.safeUrl());
    }

    private <T> T withConnection(Dialect dialect, Function<Connection, T> work) {
        ConnectionSettings settings = connection();
        try (Connection connection = dialect.connect(settings)) {
            if (settings.dataSource() == null) {
                return work.apply(connection);
            }
            // A connection borrowed from the application's pool goes back as it came.
            boolean autoCommit = connection.getAutoCommit();
            List<String> restore = dialect.sessionRestore(connection);
            try {
                return work.apply(connection);
            } finally {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    try (java.sql.Statement statement = connection.createStatement()) {
                        for (String sql : restore) {
                            statement.execute(sql);
                        }
                    }
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the connection failed", e);
        }
    }

    private static String describe(Set<String> revisions) {
        return revisions.isEmpty() ? "base" : String.join(", ", new TreeSet<>(revisions));
    }
}
