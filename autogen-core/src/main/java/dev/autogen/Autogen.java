package dev.autogen;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Branch;
import dev.autogen.api.Change;
import dev.autogen.api.ComparedWith;
import dev.autogen.api.Current;
import dev.autogen.api.Direction;
import dev.autogen.api.EntitySource;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.HistoryEntry;
import dev.autogen.api.LintFinding;
import dev.autogen.api.Migrations;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.api.RunResult;
import dev.autogen.api.Settings;
import dev.autogen.api.Target;
import dev.autogen.internal.autogenerate.Baseline;
import dev.autogen.internal.autogenerate.Comparison;
import dev.autogen.internal.autogenerate.Differences;
import dev.autogen.internal.autogenerate.Drift;
import dev.autogen.internal.autogenerate.Lint;
import dev.autogen.internal.autogenerate.NewRevisions;
import dev.autogen.internal.autogenerate.PendingEntityModel;
import dev.autogen.internal.autogenerate.Scaffold;
import dev.autogen.internal.autogenerate.Squash;
import dev.autogen.internal.autogenerate.Stages;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.codegen.MigrationWriter;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.entities.EntityReader;
import dev.autogen.internal.fleet.TargetList;
import dev.autogen.internal.history.HistorySchema;
import dev.autogen.internal.operations.DataLoss;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.HistoryListing;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.runner.OfflineScript;
import dev.autogen.internal.runner.Runner;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.workspace.Dialects;
import dev.autogen.internal.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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
    private final Workspace workspace;
    private volatile Runner running;

    /** For running migrations, from sources or from an application's classes. */
    public Autogen(Settings settings, Migrations migrations) {
        this(settings, migrations, null);
    }

    private Autogen(Settings settings, Migrations migrations, Project project) {
        this(new Workspace(settings, migrations, project));
    }

    Autogen(Workspace workspace) {
        this.settings = workspace.settings();
        this.workspace = workspace;
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
        Project project = workspace.requireProject();
        NewRevisions.requireMessage(request.message());
        if (!request.autogenerate()) {
            return revision(project, request, null, null);
        }
        Dialect dialect = request.fromHistory() ? workspace.offlineDialect() : workspace.dialect();
        try (PendingEntityModel entities = readEntities(project, dialect, !request.fromHistory())) {
            return revision(project, request, dialect, entities);
        }
    }

    private RevisionResult revision(
            Project project, RevisionRequest request, Dialect dialect, PendingEntityModel entities) {
        Stages stages = new Stages();
        RevisionGraph graph = stages.time("migrations", workspace::graph);
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
                    found = scratch.workspace.withConnection(
                            dialect,
                            c -> scratch.comparison(dialect, stages).fromDatabase(c, entities, request, parents));
                    comparedWith = ComparedWith.HISTORY_ON_SCRATCH;
                    comparedWhy = e.getMessage();
                }
            } else {
                comparedWith = ComparedWith.DATABASE;
                Comparison comparison = comparison(dialect, stages);
                // One connection for the whole comparison: where the database is, what it has, its rows.
                found = workspace.withConnection(dialect, c -> {
                    Set<String> at = workspace.runner(dialect).current(c);
                    if (!at.equals(Set.copyOf(parents))) {
                        throw new AutogenException(
                                ErrorCode.NOT_AT_HEAD,
                                "the database is at " + describe(at) + ", not at " + describe(Set.copyOf(parents)),
                                "run 'autogen upgrade head' first, or 'autogen stamp' if the schema is already there");
                    }
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
        Dialect standard = workspace.offlineDialect();
        // The forms, risks and remarks follow the server compared with; a revision from the history alone is
        // for any version of the standard dialect.
        Dialect forms = entities == null || request.fromHistory() ? standard : entities.readFor();
        Scaffold scaffold = Scaffold.of(found, forms, request.lockSafe());
        MigrationSource source =
                stages.time("codegen", () -> writer(forms).write(info, scaffold.upgrade(), scaffold.said()));
        // Not compiled here: the next command compiles it once and keeps the classes (see MigrationLoader).
        Path file = NewRevisions.write(project, source);
        workspace.forgetGraph();
        return new RevisionResult(
                file, id, parents, scaffold.changes(forms), stages.list(), comparedWith, comparedWhy, List.of());
    }

    /** The comparison of the entities with this project's database or history, timed in {@code stages}. */
    private Comparison comparison(Dialect dialect, Stages stages) {
        return new Comparison(
                dialect, settings.schema(), workspace.graph(), workspace.ignoreRules(), workspace::scope, stages);
    }

    /** Writes a migration that joins {@code revisions} into one head and changes nothing itself. */
    public RevisionResult merge(List<String> revisions, String message, String revisionId, Instant created) {
        Project project = workspace.requireProject();
        NewRevisions.requireMessage(message);
        RevisionGraph graph = workspace.graph();
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
        Path file =
                NewRevisions.write(project, writer(workspace.offlineDialect()).write(info, List.of()));
        workspace.forgetGraph();
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
        return new Autogen(workspace.onScratchAt(revisions));
    }

    /**
     * Writes one revision that replaces the range from {@code from} to {@code to} (both included): a new
     * database runs it in their place and records {@code to}; a database inside the range runs the
     * originals, which stay. Its operations are the change from before the range to its end, as one
     * comparison of the two schemas (a create holds its final columns); a range that runs SQL keeps its
     * operations in order instead, and one with Java steps cannot be squashed.
     */
    public RevisionResult squash(String from, String to, String message, String revisionId, Instant created) {
        Project project = workspace.requireProject();
        NewRevisions.requireMessage(message);
        RevisionGraph graph = workspace.graph();
        Dialect dialect = workspace.offlineDialect();
        Squash squash = Squash.of(graph, from, to, dialect, settings.schema());
        String id = NewRevisions.newId(graph, revisionId);
        RevisionInfo info = squash.info(id, message, created);
        List<Operation> operations = squash.operations();
        List<String> before = info.revises();
        Path file = NewRevisions.write(project, writer(dialect).write(info, operations));
        workspace.forgetGraph();
        return new RevisionResult(file, id, before, Scaffold.changes(dialect, operations), List.of());
    }

    /**
     * Adopts a database that has a schema but no autogen history: writes the first revision, which creates
     * what the database has (in the default schema and the schemas the entities name), and stamps the
     * database at it without running anything. Then {@code check} shows only what the entities want
     * beyond it.
     */
    public RevisionResult baseline(String message, String revisionId, Instant created) {
        NewRevisions.requireMessage(message);
        RevisionResult result = Baseline.write(workspace, this::writer, message, revisionId, created);
        workspace.forgetGraph();
        stamp(result.id());
        return result;
    }

    /** What the database lacks or has beyond the entities: empty when they match. */
    public List<Change> check() {
        Project project = workspace.requireProject();
        Dialect dialect = workspace.dialect();
        // The entities are read, and the connection opened, while the migrations load; one connection for it all.
        try (PendingEntityModel entities = readEntities(project, dialect, true)) {
            // The comparison starts recording the schemas the migrations create as soon as they are loaded.
            record Loaded(Runner runner, Comparison comparison) {}
            List<Operation> operations = workspace
                    .withConnectionWhile(
                            dialect,
                            () -> new Loaded(workspace.runner(dialect), comparison(dialect, new Stages())),
                            (loaded, c) -> {
                                workspace.requireNotInterrupted(loaded.runner(), c);
                                return loaded.comparison().fromDatabase(c, entities, null, List.of());
                            })
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
        return Drift.of(workspace);
    }

    /** Reads the entities' model on a thread of its own; {@code null} when the project names no entities. */
    private static PendingEntityModel readEntities(Project project, Dialect dialect, boolean fromServer) {
        if (project.entities() == null) {
            return null;
        }
        Path cache = PendingEntityModel.cacheDir(project);
        Function<Dialect, EntityModel> read = d -> EntityReader.read(project.entities(), d, cache);
        return fromServer
                ? PendingEntityModel.startForServer(read, dialect, project)
                : PendingEntityModel.start(read, dialect);
    }

    private MigrationWriter writer(Dialect dialect) {
        return new MigrationWriter(
                workspace.requireProject().migrationsPackage(), settings.schema(), new DataLoss(dialect.typeChanges()));
    }

    // ---------------------------------------------------------------- running

    public RunResult upgrade(String target) {
        Dialect dialect = workspace.dialect();
        Runner runner = workspace.runner(dialect);
        return whileRunning(runner, () -> workspace.withConnection(dialect, c -> runner.upgrade(c, target)));
    }

    public RunResult downgrade(String target) {
        Dialect dialect = workspace.dialect();
        Runner runner = workspace.runner(dialect);
        return whileRunning(runner, () -> workspace.withConnection(dialect, c -> runner.downgrade(c, target)));
    }

    /** Records {@code target} in the version table without running any migration: for a schema already there. */
    public RunResult stamp(String target) {
        Dialect dialect = workspace.dialect();
        Runner runner = workspace.runner(dialect);
        return whileRunning(runner, () -> workspace.withConnection(dialect, c -> runner.stamp(c, target)));
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
     * end, passing over the migrations applied already; touching no database. PostgreSQL only: each
     * migration of it runs in one guarded transaction, which needs transactional DDL.
     */
    public String idempotentUpgradeSql(String range) {
        Dialect dialect = workspace.offlineDialect();
        if (!dialect.name().equals(Dialects.standard().name())) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "an idempotent script runs each migration as one guarded transaction, which " + dialect.name()
                            + " cannot do (it commits each DDL statement on its own)",
                    "write a script for a known starting point (upgrade --sql FROM:TO), or run 'autogen upgrade'");
        }
        return offlineScript().idempotentUpgrade(range);
    }

    /**
     * What the migrations risk on tables with rows and traffic ({@code range}: {@code FROM:TO}, one
     * revision, or {@code null} for all), less what a migration accepts with {@code @AcceptedRisk} and a
     * reason; and a finding when the settings let DDL wait for ever behind a long reader. Touches no database.
     */
    public List<LintFinding> lint(String range) {
        return Lint.of(workspace.graph(), range, workspace.offlineDialect(), settings);
    }

    /** The SQL one revision runs ({@code revision}: an id, prefix or label), touching no database. */
    public String revisionSql(String revision, Direction direction) {
        RevisionGraph graph = workspace.graph();
        return offlineScript()
                .revision(graph.node(HistoryListing.single(graph, revision)).orElseThrow(), direction);
    }

    /** The script of a downgrade over {@code FROM:TO}, touching no database. */
    public String downgradeSql(String range) {
        return offlineScript().downgrade(range);
    }

    private OfflineScript offlineScript() {
        return new OfflineScript(
                workspace.graph(),
                workspace.offlineDialect(),
                settings.schema(),
                settings.versionTable(),
                settings.runOptions());
    }

    private RunResult whileRunning(Runner runner, java.util.function.Supplier<RunResult> work) {
        running = runner;
        try {
            return work.get();
        } finally {
            running = null;
        }
    }

    // ---------------------------------------------------------------- fleets

    /**
     * The targets {@code spec} names, in the order a fleet runs them: the schemas of the configured
     * database (or of each listed one) that the pattern picks, the databases of the file, then the query's.
     * Fails when there are none.
     */
    public List<Target> targets(FleetTargets spec) {
        return TargetList.resolve(spec, settings.connection().get(), settings.schema());
    }

    /**
     * These verbs over {@code targets}: the same migrations (loaded once) and settings, each target in its
     * own schema with its own version table.
     */
    public Fleet fleet(List<Target> targets, FleetOptions options, FleetListener listener) {
        return new Fleet(workspace, targets, options, listener);
    }

    // ---------------------------------------------------------------- telling

    /** The revisions the database is at, each with its marks; none at base. */
    public Current current() {
        RevisionGraph graph = workspace.graph();
        Dialect dialect = workspace.dialect();
        Runner runner = workspace.runner(dialect);
        Map.Entry<Set<String>, Optional<String>> state =
                workspace.withConnection(dialect, c -> Map.entry(runner.current(c), runner.interruption(c)));
        Set<String> heads = state.getKey();
        return new Current(
                new HistoryListing(graph).current(heads),
                heads.equals(Set.copyOf(graph.heads())),
                state.getValue().orElse(null));
    }

    /** The revisions nothing follows. */
    public List<RevisionInfo> heads() {
        return new HistoryListing(workspace.graph()).heads();
    }

    /** The revisions two or more revisions follow, with those revisions. */
    public List<Branch> branches() {
        return new HistoryListing(workspace.graph()).branches();
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
        RevisionGraph graph = workspace.graph();
        Set<String> current = Set.of();
        Map<String, List<AppliedStep>> applied = Map.of();
        if (markCurrent || (range != null && range.contains("current"))) {
            Dialect dialect = workspace.dialect();
            Runner runner = workspace.runner(dialect);
            Map.Entry<Set<String>, Map<String, List<AppliedStep>>> read =
                    workspace.withConnection(dialect, c -> Map.entry(runner.current(c), runner.applied(c)));
            current = read.getKey();
            applied = read.getValue();
        }
        return new HistoryListing(graph).history(range, current, applied);
    }

    /** One revision, by id, prefix or label. */
    public HistoryEntry show(String revision) {
        return new HistoryListing(workspace.graph()).show(revision);
    }

    private static String describe(Set<String> revisions) {
        return revisions.isEmpty() ? "base" : String.join(", ", new TreeSet<>(revisions));
    }
}
