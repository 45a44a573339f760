package dev.autogen.internal.autogenerate;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionRequest;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.Printed;
import dev.autogen.internal.dialect.RowFacts;
import dev.autogen.internal.dialect.ValueConversions;
import dev.autogen.internal.diff.HistorySpellings;
import dev.autogen.internal.diff.IgnoreRules;
import dev.autogen.internal.diff.PrintedTarget;
import dev.autogen.internal.diff.RenameFinder;
import dev.autogen.internal.diff.RenameHint;
import dev.autogen.internal.diff.RenamePlan;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.history.HistorySchema;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.workspace.OwnThread;
import dev.autogen.migration.Definitions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The comparison at the heart of autogenerate and {@code check}: the operations that take the database's
 * schema (or the history's) to the entities', with the renames decided once, the tables that differ
 * printed by the database itself, the conversions that keep the values' meaning, and what the rows say.
 * All of it on the one connection the caller gives.
 */
public final class Comparison {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dialect dialect;
    private final String defaultSchema;
    private final RevisionGraph graph;
    private final IgnoreRules ignore;
    private final Function<List<String>, IntrospectionScope> scopes;
    private final Stages stages;
    /** Recorded from the migrations on a thread of its own, while the database is connected to and asked. */
    private final CompletableFuture<Set<String>> created;

    /**
     * @param scopes the introspection scope of the default schema and the others given, with the settings'
     *     exclusions
     */
    public Comparison(
            Dialect dialect,
            String defaultSchema,
            RevisionGraph graph,
            IgnoreRules ignore,
            Function<List<String>, IntrospectionScope> scopes,
            Stages stages) {
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
        this.graph = graph;
        this.ignore = ignore;
        this.scopes = scopes;
        this.stages = stages;
        this.created =
                OwnThread.start("autogen-created-schemas", () -> HistorySchema.createdSchemas(graph, defaultSchema));
    }

    /**
     * From the history's schema to the entities'. {@code request} carries the rename hints and who to ask;
     * {@code null} takes only the renames in no doubt.
     */
    public Differences fromHistory(Schema history, PendingEntityModel entities, RevisionRequest request) {
        Set<String> created = createdSchemas();
        Target target = target(entities, created);
        Schema current = ignore.apply(history);
        RenamePlan renames = renames(current, target.schema(), target.ignored(), request);
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

    /**
     * From the database's schema to the entities'. {@code request} as for {@link #fromHistory}; when given,
     * the database's expressions are spelled as the migrations up to {@code parents} created them.
     */
    public Differences fromDatabase(
            Connection connection, PendingEntityModel entities, RevisionRequest request, List<String> parents) {
        if (entities != null) {
            entities.confirm(dialect.serverVersion(connection));
        }
        Set<String> created = createdSchemas();
        // The schemas the entities most likely use are read while the entities are; read again only when
        // the entities turn out to name another.
        Set<String> likely = new TreeSet<>(created);
        likely.add(defaultSchema);
        Introspection early = introspect(connection, likely);
        Target target = target(entities, created);
        Introspection introspection =
                target.managed().equals(likely) ? early : introspect(connection, target.managed());
        Schema read = ignore.apply(dialect.canonical(introspection.schema()));
        Predicate<QualifiedName> ignored = target.ignored();
        EntityModel model = target.model();
        RenamePlan renames = renames(read, target.schema(), ignored, request);
        List<Operation> operations = stages.time(
                "diff",
                () -> SchemaDiffer.diff(
                        read, target.schema(), ignored, dialect.diffRules(), model.sequenceUses(), renames));
        // How the migrations spelled what they created matters only to a migration that is written: the
        // history is replayed then, not for a database that matches (the spellings mean the same).
        Schema current = request == null || operations.isEmpty() ? read : spelledAsCreated(read, parents);
        if (current != read) {
            operations = stages.time(
                    "diff",
                    () -> SchemaDiffer.diff(
                            current, target.schema(), ignored, dialect.diffRules(), model.sequenceUses(), renames));
        }
        Set<QualifiedName> changed = operations.isEmpty()
                ? Set.of()
                : SchemaDiffer.changedTables(current, target.schema(), ignored, dialect.diffRules());
        Schema printed = null;
        if (changed.isEmpty()) {
            stages.note(operations.size() + " operations");
        } else {
            // Where the entities' tables differ from the database's, ask the database how it would store
            // the entities' own DDL: it alone knows how it rewrites an expression, a type, a column definition.
            printed = stages.time("printing", () -> print(model, connection, changed, target.schema()));
        }
        if (printed != null) {
            operations = SchemaDiffer.diff(
                    current, ignore.apply(printed), ignored, dialect.diffRules(), model.sequenceUses(), renames);
            stages.note(changed.size() + " tables printed by the database, " + operations.size() + " operations");
        }
        ValueConversions converted = ValueConversions.of(operations, model.valueDomains(), dialect);
        return found(withConversionsToWrite(converted.operations(), connection), renames, converted);
    }

    /** What the database's rows say of the operations, added to what was said of them. */
    public Map<Operation, List<String>> withRowFacts(
            Connection connection, List<Operation> operations, Map<Operation, List<String>> notes) {
        Map<Operation, List<String>> facts = stages.time("rows", () -> {
            try {
                return RowFacts.of(connection, operations, dialect.rowFactQueries());
            } catch (SQLException e) {
                throw new AutogenException(
                        ErrorCode.DATABASE_ERROR,
                        "counting the rows the changes touch failed: " + e.getMessage(),
                        "check the database connection and permissions",
                        e);
            }
        });
        Map<Operation, List<String>> all = new LinkedHashMap<>(notes);
        facts.forEach((op, lines) -> all.merge(op, lines, Differences::concat));
        return all;
    }

    private Set<String> createdSchemas() {
        // A migration that fails to record fails the command as it would on this thread.
        return stages.time("schemas", () -> OwnThread.join(created));
    }

    /**
     * The database's schema with its expressions as the migrations wrote them, where they mean the same:
     * what a generated downgrade restores is then what was created ({@link HistorySpellings}). A history
     * that cannot be replayed in memory leaves the catalog's spelling.
     */
    private Schema spelledAsCreated(Schema database, List<String> parents) {
        if (graph.revisions().isEmpty()) {
            return database;
        }
        try {
            Schema history =
                    stages.time("history", () -> dialect.canonical(HistorySchema.at(graph, parents, defaultSchema)));
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

    private Target target(PendingEntityModel entities, Set<String> created) {
        if (entities == null) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID, "no entities are configured", "set entities.classpath");
        }
        EntityModel model = entities.get();
        Schema schema = ignore.apply(dialect.canonical(model.schema()));
        stages.add(
                "entities",
                entities.millis(),
                schema.tables().size() + " tables" + (model.cached() ? ", from the cache" : ""));
        Set<String> managed = new TreeSet<>(schema.namespaces());
        managed.addAll(created);
        IntrospectionScope scope = scopes.apply(List.copyOf(managed));
        return new Target(model, schema, managed, scope.excluded());
    }

    private Introspection introspect(Connection connection, Set<String> schemas) {
        IntrospectionScope scope = scopes.apply(List.copyOf(schemas));
        Introspection introspection = stages.time("introspection", () -> dialect.introspect(connection, scope));
        stages.note(introspection.catalogQueries() + " catalog queries, "
                + introspection.schema().tables().size() + " tables");
        return introspection;
    }

    private static Differences found(List<Operation> operations, RenamePlan renames, ValueConversions converted) {
        Map<Operation, List<String>> notes = new LinkedHashMap<>(renames.notes(operations));
        converted
                .remarks()
                .forEach((operation, remark) -> notes.merge(operation, List.of(remark), Differences::concat));
        return new Differences(operations, notes);
    }

    /**
     * Which tables and columns were renamed: those the request states, those in no doubt, and those its
     * questioner confirms. Decided once, before comparing, so that nobody is asked twice.
     */
    private RenamePlan renames(
            Schema current, Schema target, Predicate<QualifiedName> ignored, RevisionRequest request) {
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
                    defaultSchema,
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
    private List<Operation> withConversionsToWrite(List<Operation> operations, Connection connection) {
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
    private Schema print(EntityModel model, Connection connection, Set<QualifiedName> tables, Schema target) {
        Map<String, String> standIns = new TreeMap<>();
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String tag = HexFormat.of().formatHex(random);
        for (String schema : target.namespaces()) {
            standIns.put(schema, "autogen_print_" + tag + "_" + standIns.size());
        }
        Printed printed =
                dialect.print(connection, model.creationStatements(tables, standIns), standIns, defaultSchema);
        if (!printed.succeeded()) {
            return null;
        }
        return PrintedTarget.merge(target, dialect.canonical(printed.schema()), dialect.diffRules());
    }
}
