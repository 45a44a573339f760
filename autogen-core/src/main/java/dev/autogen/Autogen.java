package dev.autogen;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Branch;
import dev.autogen.api.Change;
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
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.codegen.MigrationWriter;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.dialect.ValueConversions;
import dev.autogen.internal.diff.HistorySpellings;
import dev.autogen.internal.diff.IgnoreRules;
import dev.autogen.internal.diff.PrintedTarget;
import dev.autogen.internal.diff.RenameFinder;
import dev.autogen.internal.diff.RenameHint;
import dev.autogen.internal.diff.RenamePlan;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.discovery.MigrationLoader;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.entities.EntityReader;
import dev.autogen.internal.history.HistorySchema;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.DataLoss;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.HeldTables;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.GraphError;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionGraphException;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.runner.OfflineScript;
import dev.autogen.internal.runner.Runner;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.AcceptedRisk;
import dev.autogen.migration.Definitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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

    /** The longest message a revision may carry: it is written into a Java annotation and a file name. */
    static final int MAX_MESSAGE_LENGTH = 2_000;

    private static final SecureRandom RANDOM = new SecureRandom();

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
        requireMessage(request.message());
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
        List<String> parents = parents(graph, request.head());
        String id = newId(graph, request.revisionId());
        List<Operation> operations = List.of();
        Map<Operation, List<String>> notes = Map.of();
        String comparedWith = null;
        if (request.autogenerate()) {
            Schema current;
            Autogen against = this;
            if (request.fromHistory()) {
                try {
                    current = stages.time(
                            "history", () -> dialect.canonical(HistorySchema.at(graph, parents, settings.schema())));
                    comparedWith = "the history, replayed in memory";
                } catch (HistorySchema.Unreplayable e) {
                    against = stages.time("history", () -> onScratch(e, parents));
                    current = null;
                    comparedWith = "the history, run on a throw-away database (" + e.getMessage() + ")";
                }
            } else {
                comparedWith = "the database";
                Set<String> at = withConnection(dialect, c -> runner(dialect).current(c));
                if (!at.equals(Set.copyOf(parents))) {
                    throw new AutogenException(
                            ErrorCode.NOT_AT_HEAD,
                            "the database is at " + describe(at) + ", not at " + describe(Set.copyOf(parents)),
                            "run 'autogen upgrade head' first, or 'autogen stamp' if the schema is already there");
                }
                current = null;
            }
            Differences found = against.differences(dialect, stages, current, request, entities);
            operations = found.operations();
            notes = found.notes();
            if (!request.fromHistory() && !operations.isEmpty()) {
                notes = withRowFacts(dialect, operations, notes, stages);
            }
            if (operations.isEmpty() && !request.allowEmpty()) {
                return new RevisionResult(null, id, parents, List.of(), stages.list(), comparedWith);
            }
        }
        RevisionInfo info = new RevisionInfo(
                id, parents, request.branchLabels(), request.dependsOn(), request.message(), request.created());
        Dialect standard = Dialects.standard();
        Map<Operation, List<String>> said = new LinkedHashMap<>(notes);
        if (request.lockSafe()) {
            operations = lockSafe(standard, operations, said);
        }
        List<Operation> upgrade = operations;
        // What each step risks on a busy table, said beside it for the reviewer.
        Map<Operation, Risk> risks = Risks.of(upgrade, standard);
        risks.forEach((op, risk) -> said.merge(op, List.of(risk.remark()), Autogen::concat));
        MigrationSource source = stages.time("codegen", () -> writer(standard).write(info, upgrade, said));
        // Not compiled here: the next command compiles it once and keeps the classes (see MigrationLoader).
        Path file = write(project, source);
        forgetGraph();
        return new RevisionResult(file, id, parents, changes(standard, operations, risks), stages.list(), comparedWith);
    }

    /** Writes a migration that joins {@code revisions} into one head and changes nothing itself. */
    public RevisionResult merge(List<String> revisions, String message, String revisionId, Instant created) {
        Project project = requireProject();
        requireMessage(message);
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
        String id = newId(graph, revisionId);
        RevisionInfo info =
                RevisionInfo.of(id, parents.stream().distinct().sorted().toList(), message, created);
        Path file = write(project, writer(Dialects.standard()).write(info, List.of()));
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
        requireMessage(message);
        RevisionGraph graph = graph();
        String first = single(graph.resolve(from, Set.of()), from);
        String last = single(graph.resolve(to, Set.of()), to);
        Set<String> range = new TreeSet<>(graph.ancestorsOrSelf(List.of(last)));
        range.retainAll(graph.descendantsOrSelf(first));
        if (!range.contains(first)) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    from + " does not come before " + to,
                    "name the first revision, then the last");
        }
        List<RevisionNode> members =
                graph.revisions().stream().filter(n -> range.contains(n.id())).toList();
        List<String> before = members.stream()
                .flatMap(n -> n.revises().stream())
                .filter(p -> !range.contains(p))
                .distinct()
                .sorted()
                .toList();
        String id = newId(graph, revisionId);
        RevisionInfo info = new RevisionInfo(
                id,
                before,
                List.of(),
                List.of(),
                message,
                created,
                members.stream().map(RevisionNode::id).toList());
        List<RevisionNode> all = new ArrayList<>(graph.revisions());
        all.addAll(graph.squashes());
        all.add(new RevisionNode(info, "the squash", null));
        RevisionGraph.of(all); // refuses a range that is not whole
        List<Operation> recorded = new ArrayList<>();
        for (RevisionNode member : members) {
            recorded.addAll(Recorder.upgrade(member.migration(), settings.schema()));
        }
        if (recorded.stream().anyMatch(ExecuteJava.class::isInstance)) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    "the range " + first + ".." + last
                            + " runs Java data steps, which a generated migration cannot copy",
                    "squash a range without them");
        }
        Dialect dialect = Dialects.standard();
        List<Operation> operations;
        if (recorded.stream().anyMatch(Execute.class::isInstance)) {
            operations = recorded;
        } else {
            Schema start = dialect.canonical(HistorySchema.at(graph, before, settings.schema()));
            Schema end = dialect.canonical(HistorySchema.at(graph, List.of(last), settings.schema()));
            operations = SchemaDiffer.diff(start, end, dialect.diffRules());
        }
        Path file = write(project, writer(dialect).write(info, operations));
        forgetGraph();
        return new RevisionResult(file, id, before, changes(dialect, operations), List.of());
    }

    private static String single(Set<String> ids, String target) {
        if (ids.size() != 1) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET, "'" + target + "' names " + ids.size() + " revisions", "name one");
        }
        return ids.iterator().next();
    }

    /**
     * Adopts a database that has a schema but no autogen history: writes the first revision, which creates
     * what the database has (in the default schema and the schemas the entities name), and stamps the
     * database at it without running anything. Then {@code check} shows only what the entities want
     * beyond it.
     */
    public RevisionResult baseline(String message, String revisionId, Instant created) {
        Project project = requireProject();
        requireMessage(message);
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
        String id = newId(graph, revisionId);
        RevisionInfo info = new RevisionInfo(id, List.of(), List.of(), List.of(), message, created);
        Path file = write(project, writer(dialect).write(info, operations, Map.of(), live.getValue()));
        forgetGraph();
        stamp(id);
        return new RevisionResult(
                file, id, List.of(), changes(dialect, operations), List.of(), "the database", live.getValue());
    }

    /** What the database lacks or has beyond the entities: empty when they match. */
    public List<Change> check() {
        Project project = requireProject();
        Dialect dialect = dialect();
        requireNotInterrupted(dialect);
        try (PendingEntityModel entities = readEntities(project, dialect)) {
            return changes(
                    dialect,
                    differences(dialect, new Stages(), null, null, entities).operations());
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
        return changes(dialect, SchemaDiffer.diff(history, live, ignored, dialect.diffRules()));
    }

    /** The operations autogenerate found, and what it says beside some of them. */
    private record Differences(List<Operation> operations, Map<Operation, List<String>> notes) {}

    /**
     * The operations from the database (or {@code history}, when given) to the entities. {@code request}
     * carries the rename hints and who to ask; {@code null} (check) takes only the renames in no doubt.
     */
    private Differences differences(
            Dialect dialect, Stages stages, Schema history, RevisionRequest request, PendingEntityModel entities) {
        if (entities == null) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID, "no entities are configured", "set entities.classpath");
        }
        IgnoreRules ignore = ignoreRules();
        Set<String> created = stages.time("migrations", () -> HistorySchema.createdSchemas(graph(), settings.schema()));
        if (history != null) {
            Target target = target(entities, dialect, ignore, created, stages);
            Schema current = ignore.apply(history);
            RenamePlan renames = renames(current, target.schema(), target.ignored(), dialect, request);
            List<Operation> operations = stages.time(
                    "diff",
                    () -> SchemaDiffer.diff(
                            current,
                            target.schema(),
                            target.ignored(),
                            dialect.diffRules(),
                            target.model().sequenceUses(),
                            renames));
            ValueConversions converted =
                    ValueConversions.of(operations, target.model().valueDomains(), dialect);
            return found(converted.operations(), renames, converted);
        }
        return withConnection(dialect, connection -> {
            // The schemas the entities most likely use are read while the entities are; read again only when
            // the entities turn out to name another.
            Set<String> likely = new TreeSet<>(created);
            likely.add(settings.schema());
            Introspection early = introspect(dialect, connection, likely, stages);
            Target target = target(entities, dialect, ignore, created, stages);
            Introspection introspection =
                    target.managed().equals(likely) ? early : introspect(dialect, connection, target.managed(), stages);
            Schema read = ignore.apply(dialect.canonical(introspection.schema()));
            Schema current = request == null ? read : spelledAsCreated(read, dialect, request, stages);
            Predicate<QualifiedName> ignored = target.ignored();
            EntityModel model = target.model();
            RenamePlan renames = renames(current, target.schema(), ignored, dialect, request);
            List<Operation> operations = stages.time(
                    "diff",
                    () -> SchemaDiffer.diff(
                            current, target.schema(), ignored, dialect.diffRules(), model.sequenceUses(), renames));
            Set<QualifiedName> changed = operations.isEmpty()
                    ? Set.of()
                    : SchemaDiffer.changedTables(current, target.schema(), ignored, dialect.diffRules());
            if (changed.isEmpty()) {
                stages.note(operations.size() + " operations");
                ValueConversions converted = ValueConversions.of(operations, model.valueDomains(), dialect);
                return found(withConversionsToWrite(converted.operations(), dialect, connection), renames, converted);
            }
            // Where the entities' tables differ from the database's, ask the database how it would store
            // the entities' own DDL: it alone knows how it rewrites an expression, a type, a column definition.
            Schema printed = stages.time("printing", () -> print(model, dialect, connection, changed, target.schema()));
            if (printed == null) {
                ValueConversions converted = ValueConversions.of(operations, model.valueDomains(), dialect);
                return found(withConversionsToWrite(converted.operations(), dialect, connection), renames, converted);
            }
            List<Operation> exact = SchemaDiffer.diff(
                    current, ignore.apply(printed), ignored, dialect.diffRules(), model.sequenceUses(), renames);
            stages.note(changed.size() + " tables printed by the database, " + exact.size() + " operations");
            ValueConversions converted = ValueConversions.of(exact, model.valueDomains(), dialect);
            return found(withConversionsToWrite(converted.operations(), dialect, connection), renames, converted);
        });
    }

    /**
     * The database's schema with its expressions as the migrations wrote them, where they mean the same:
     * what a generated downgrade restores is then what was created ({@link HistorySpellings}). A history
     * that cannot be replayed in memory leaves the catalog's spelling.
     */
    private Schema spelledAsCreated(Schema database, Dialect dialect, RevisionRequest request, Stages stages) {
        RevisionGraph graph = graph();
        if (graph.revisions().isEmpty()) {
            return database;
        }
        try {
            Schema history = stages.time(
                    "history",
                    () -> dialect.canonical(
                            HistorySchema.at(graph, parents(graph, request.head()), settings.schema())));
            return HistorySpellings.apply(database, history, dialect.diffRules());
        } catch (HistorySchema.Unreplayable e) {
            return database;
        }
    }

    /**
     * The entities' schema as compared, the model it came from, the schemas autogen manages (the entities'
     * and those the migrations create), and what is left out of the comparison.
     */
    private record Target(EntityModel model, Schema schema, Set<String> managed, Predicate<QualifiedName> ignored) {}

    private Target target(
            PendingEntityModel entities, Dialect dialect, IgnoreRules ignore, Set<String> created, Stages stages) {
        EntityModel model = entities.get();
        Schema schema = ignore.apply(dialect.canonical(model.schema()));
        stages.add(
                "entities",
                entities.millis(),
                schema.tables().size() + " tables" + (model.cached() ? ", from the cache" : ""));
        Set<String> managed = new TreeSet<>(schema.namespaces());
        managed.addAll(created);
        IntrospectionScope scope = scope(List.copyOf(managed));
        return new Target(model, schema, managed, name -> scope.excludes(name.schema(), name.name()));
    }

    private Introspection introspect(Dialect dialect, Connection connection, Set<String> schemas, Stages stages) {
        IntrospectionScope scope = scope(List.copyOf(schemas));
        Introspection introspection = stages.time("introspection", () -> dialect.introspect(connection, scope));
        stages.note(introspection.catalogQueries() + " catalog queries, "
                + introspection.schema().tables().size() + " tables");
        return introspection;
    }

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

    /** Two operations' remarks, in order: what merges the remarks said of one operation. */
    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static Differences found(List<Operation> operations, RenamePlan renames, ValueConversions converted) {
        Map<Operation, List<String>> notes = new LinkedHashMap<>(renames.notes(operations));
        converted.remarks().forEach((operation, remark) -> notes.merge(operation, List.of(remark), Autogen::concat));
        return new Differences(operations, notes);
    }

    /**
     * Which tables and columns were renamed: those the request states, those in no doubt, and those its
     * questioner confirms. Decided once, before comparing, so that nobody is asked twice.
     */
    private RenamePlan renames(
            Schema current, Schema target, Predicate<QualifiedName> ignored, Dialect dialect, RevisionRequest request) {
        List<RenameHint> hints = new ArrayList<>();
        RenameFinder.Questioner questioner = null;
        if (request != null) {
            try {
                request.renames().forEach(h -> hints.add(RenameHint.parse(h, true)));
                request.keptRenames().forEach(h -> hints.add(RenameHint.parse(h, false)));
            } catch (IllegalArgumentException e) {
                throw new AutogenException(ErrorCode.CONFIG_INVALID, e.getMessage(), "write OLD=NEW");
            }
            questioner = request.questioner() == null ? null : request.questioner()::confirm;
        }
        try {
            return RenameFinder.plan(
                    SchemaDiffer.managed(current, ignored),
                    SchemaDiffer.managed(target, ignored),
                    dialect.diffRules(),
                    settings.schema(),
                    hints,
                    questioner);
        } catch (IllegalArgumentException e) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET, e.getMessage(), "name a table or column as the database has it, OLD=NEW");
        }
    }

    /**
     * A type change the database has no cast for cannot run as generated: it gets a placeholder for its
     * author to replace, and says so, rather than fail at upgrade.
     */
    private static List<Operation> withConversionsToWrite(
            List<Operation> operations, Dialect dialect, Connection connection) {
        return operations.stream()
                .map(o -> o instanceof AlterColumn alter
                                && alter.typeChanged()
                                && alter.using() == null
                                && !dialect.converts(
                                        connection,
                                        alter.from().type(),
                                        alter.to().type())
                        ? new AlterColumn(alter.table(), alter.from(), alter.to(), Definitions.conversionToWrite())
                        : o)
                .toList();
    }

    /**
     * The target with {@code tables} as the database stores the entities' own DDL for them, or {@code null}
     * when the database cannot build it (no right to create a schema, a read-only session, DDL it rejects):
     * the parser's comparison stands then.
     */
    private Schema print(
            EntityModel model, Dialect dialect, Connection connection, Set<QualifiedName> tables, Schema target) {
        Map<String, String> standIns = new TreeMap<>();
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String tag = HexFormat.of().formatHex(random);
        for (String schema : target.namespaces()) {
            standIns.put(schema, "autogen_print_" + tag + "_" + standIns.size());
        }
        Printed printed =
                dialect.print(connection, model.creationStatements(tables, standIns), standIns, settings.schema());
        if (!printed.succeeded()) {
            return null;
        }
        return PrintedTarget.merge(target, dialect.canonical(printed.schema()), dialect.diffRules());
    }

    /** What the database's rows say of the operations, added to what was said of them. */
    private Map<Operation, List<String>> withRowFacts(
            Dialect dialect, List<Operation> operations, Map<Operation, List<String>> notes, Stages stages) {
        Map<Operation, List<String>> facts = stages.time(
                "rows",
                () -> withConnection(dialect, c -> {
                    try {
                        return dialect.rowFacts(c, operations);
                    } catch (SQLException e) {
                        throw new AutogenException(
                                ErrorCode.DATABASE_ERROR,
                                "counting the rows the changes touch failed: " + e.getMessage(),
                                "check the database connection and permissions",
                                e);
                    }
                }));
        Map<Operation, List<String>> all = new LinkedHashMap<>(notes);
        facts.forEach((op, lines) -> all.merge(op, lines, Autogen::concat));
        return all;
    }

    /** The operations in their lock-safe forms; what was said of one is said of the first that carries it out. */
    private static List<Operation> lockSafe(
            Dialect dialect, List<Operation> operations, Map<Operation, List<String>> notes) {
        List<List<Operation>> forms = dialect.lockSafe(operations);
        HeldTables held = HeldTables.of(operations);
        List<Operation> safe = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            List<Operation> form = forms.get(i);
            List<String> said = notes.remove(operation);
            if (held.holds(operation)
                    && !dialect.lockSafe(List.of(operation)).get(0).equals(form)) {
                said = said == null ? new ArrayList<>() : new ArrayList<>(said);
                said.add("Plain, inside the migration's transaction: the migration rewrites this table, holding it"
                        + " for that long anyway, and a lock-safe form would only split it (all or nothing wins).");
            }
            if (said != null) {
                notes.put(form.get(0), said);
            }
            safe.addAll(form);
        }
        return safe;
    }

    private static List<Change> changes(Dialect dialect, List<Operation> operations) {
        return changes(dialect, operations, Risks.of(operations, dialect));
    }

    private static List<Change> changes(Dialect dialect, List<Operation> operations, Map<Operation, Risk> risks) {
        DataLoss loss = new DataLoss(dialect.typeChanges());
        return operations.stream()
                .map(op -> new Change(
                        Description.of(op),
                        loss.of(op).orElse(null),
                        risks.containsKey(op)
                                ? risks.get(op).lock() + ": " + risks.get(op).what()
                                : null))
                .toList();
    }

    private MigrationWriter writer(Dialect dialect) {
        return new MigrationWriter(
                requireProject().migrationsPackage(), settings.schema(), new DataLoss(dialect.typeChanges()));
    }

    private static void requireMessage(String message) {
        if (message.isBlank()) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET, "the message is empty", "say in a few words what the change is for");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "the message is " + message.length() + " characters long; at most " + MAX_MESSAGE_LENGTH
                            + " are kept",
                    "say it shorter, and put the rest in a comment in the migration");
        }
    }

    private static List<String> parents(RevisionGraph graph, String head) {
        if (head == null) {
            List<String> heads = graph.heads();
            if (heads.size() > 1) {
                throw new RevisionGraphException(new GraphError.MultipleHeads(heads));
            }
            return heads;
        }
        return List.copyOf(new TreeSet<>(graph.resolve(head, Set.of())));
    }

    private static String newId(RevisionGraph graph, String requested) {
        String id = requested;
        if (id == null) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        }
        if (!id.matches("[A-Za-z0-9_]{1,64}")) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "revision id '" + id + "' is not 1 to 64 letters, digits and _",
                    "choose an id like 3f2a9c1d07be");
        }
        Optional<RevisionNode> taken = graph.node(id);
        if (taken.isPresent()) {
            throw new AutogenException(
                    ErrorCode.DUPLICATE_REVISION,
                    "revision id " + id + " is taken by " + taken.get().origin(),
                    "choose another --rev-id");
        }
        return id;
    }

    private static Path write(Project project, MigrationSource source) {
        Path file = project.migrationsDir().resolve(source.relativePath());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.source(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new AutogenException(
                    ErrorCode.FILE_EXISTS,
                    file + " exists already and would be overwritten",
                    "use another message, or wait a second: file names carry the time",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        RevisionGraph graph = graph();
        List<RevisionNode> nodes;
        if (range == null) {
            nodes = graph.revisions();
        } else if (range.contains(":")) {
            String[] parts = range.split(":", 2);
            Set<String> from = parts[0].isEmpty() ? Set.of() : graph.resolve(parts[0], Set.of());
            nodes = graph.upgradePlan(from, graph.resolve(parts[1].isEmpty() ? "heads" : parts[1], from));
        } else {
            nodes = List.of(
                    graph.node(single(graph.resolve(range, Set.of()), range)).orElseThrow());
        }
        Dialect dialect = Dialects.standard();
        List<LintFinding> findings = new ArrayList<>();
        if (settings.runOptions().statementLockTimeout().isZero()) {
            findings.add(new LintFinding(
                    null,
                    "no-lock-timeout",
                    "lock.timeout is 0: a migration's statement that waits for a lock behind a long reader makes"
                            + " every query after it wait too; set lock.timeout (2s, say) so it fails instead"));
        }
        for (RevisionNode node : nodes) {
            Set<String> accepted = new TreeSet<>();
            for (AcceptedRisk risk : node.migration().getClass().getAnnotationsByType(AcceptedRisk.class)) {
                if (risk.reason().isBlank()) {
                    findings.add(new LintFinding(
                            node.id(),
                            "accepted-risk-without-reason",
                            "@AcceptedRisk(" + risk.rule() + ") gives no reason"));
                } else {
                    accepted.add(risk.rule());
                }
            }
            Risks.of(Recorder.upgrade(node.migration(), settings.schema()), dialect)
                    .forEach((op, risk) -> {
                        if (!accepted.contains(risk.rule())) {
                            findings.add(new LintFinding(
                                    node.id(),
                                    risk.rule(),
                                    Description.of(op) + ": takes " + risk.lock() + " and " + risk.what()));
                        }
                    });
        }
        return findings;
    }

    /** The SQL one revision runs ({@code revision}: an id, prefix or label), touching no database. */
    public String revisionSql(String revision, Direction direction) {
        RevisionGraph graph = graph();
        return offlineScript()
                .revision(
                        graph.node(single(graph.resolve(revision, Set.of()), revision))
                                .orElseThrow(),
                        direction);
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
        List<HistoryEntry> entries = heads.stream()
                .map(id -> graph.node(id).map(node -> entry(node, heads)).orElse(unknown(id)))
                .toList();
        return new Current(
                entries,
                heads.equals(Set.copyOf(graph.heads())),
                state.getValue().orElse(null));
    }

    /** The revisions nothing follows. */
    public List<RevisionInfo> heads() {
        RevisionGraph graph = graph();
        return graph.heads().stream()
                .map(id -> graph.node(id).orElseThrow().info())
                .toList();
    }

    /** The revisions two or more revisions follow, with those revisions. */
    public List<Branch> branches() {
        RevisionGraph graph = graph();
        return graph.branchPoints().stream()
                .map(id -> new Branch(
                        graph.node(id).orElseThrow().info(),
                        graph.children(id).stream()
                                .map(child -> graph.node(child).orElseThrow().info())
                                .toList()))
                .toList();
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
        Set<String> shown = inRange(graph, range, current);
        List<HistoryEntry> entries = new ArrayList<>();
        for (RevisionNode node : graph.revisions()) {
            if (shown.contains(node.id())) {
                entries.add(entry(node, current).withApplied(applied.getOrDefault(node.id(), List.of())));
                // A squash is listed beside the last revision it replaces.
                for (RevisionNode squash : graph.squashes()) {
                    if (graph.recordedAs(squash).equals(node.id())) {
                        entries.add(entry(squash, current).withApplied(applied.getOrDefault(squash.id(), List.of())));
                    }
                }
            }
        }
        Collections.reverse(entries);
        return entries;
    }

    /** One revision, by id, prefix or label. */
    public HistoryEntry show(String revision) {
        RevisionGraph graph = graph();
        return entry(
                graph.node(single(graph.resolve(revision, Set.of()), revision)).orElseThrow(), Set.of());
    }

    /** The revisions above FROM (itself included) up to and including TO. */
    private static Set<String> inRange(RevisionGraph graph, String range, Set<String> current) {
        Set<String> all = graph.revisions().stream().map(RevisionNode::id).collect(Collectors.toSet());
        if (range == null) {
            return all;
        }
        int colon = range.indexOf(':');
        String from = colon < 0 ? range : range.substring(0, colon);
        String to = colon < 0 ? "" : range.substring(colon + 1);
        Set<String> upTo = to.isEmpty() ? all : graph.ancestorsOrSelf(graph.resolve(to, current));
        if (from.isEmpty() || from.equals("base")) {
            return upTo;
        }
        Set<String> start = graph.resolve(from, current);
        return upTo.stream()
                .filter(id ->
                        start.stream().anyMatch(s -> graph.descendantsOrSelf(s).contains(id)))
                .collect(Collectors.toSet());
    }

    /** One revision with its marks: a head has no child, a branch point two or more. */
    private HistoryEntry entry(RevisionNode node, Set<String> current) {
        if (node.info().isSquash()) {
            return new HistoryEntry(node.info(), node.origin(), false, false, false, false);
        }
        int children = graph().children(node.id()).size();
        return new HistoryEntry(
                node.info(), node.origin(), current.contains(node.id()), children == 0, children > 1, node.isMerge());
    }

    /** A revision the version table names but no migration has: shown as such, not hidden. */
    private static HistoryEntry unknown(String id) {
        RevisionInfo info = RevisionInfo.of(id, List.of(), "(no migration has this revision)", Instant.EPOCH);
        return new HistoryEntry(info, "version table", true, false, false, false);
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
