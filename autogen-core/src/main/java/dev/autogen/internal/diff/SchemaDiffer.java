package dev.autogen.internal.diff;

import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddPrimaryKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.AlterSequence;
import dev.autogen.internal.operations.ColumnRef;
import dev.autogen.internal.operations.CreateEnumType;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.CreateSchema;
import dev.autogen.internal.operations.CreateSequence;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropConstraint;
import dev.autogen.internal.operations.DropEnumType;
import dev.autogen.internal.operations.DropIndex;
import dev.autogen.internal.operations.DropSchema;
import dev.autogen.internal.operations.DropSequence;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.RenameConstraint;
import dev.autogen.internal.operations.RenameIndex;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.operations.SetTableComment;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.SequenceUse;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares two schema models. Tables, columns, sequences and types are matched by name; constraints and
 * indexes by what they are, so that names PostgreSQL made up match the unnamed constraints of an entity
 * model. The operations come in an order that runs: schemas, types and sequences first; then what is
 * dropped from tables that stay; new tables, columns, constraints and indexes; foreign keys once every
 * table they point at exists; and last, the destructive drops.
 */
public final class SchemaDiffer {

    private final DiffRules rules;
    private final List<Operation> early = new ArrayList<>();
    private final List<Operation> middle = new ArrayList<>();
    private final List<Operation> foreignKeys = new ArrayList<>();
    private final List<Operation> late = new ArrayList<>();

    private SchemaDiffer(DiffRules rules) {
        this.rules = rules;
    }

    /**
     * The operations that turn {@code current} into {@code target}, never touching the tables that
     * {@code ignored} names (autogen's own version tables, configured exclusions) on either side.
     */
    public static List<Operation> diff(
            Schema current, Schema target, Predicate<QualifiedName> ignored, DiffRules rules) {
        return diff(withoutTables(current, ignored), withoutTables(target, ignored), rules);
    }

    /**
     * As {@link #diff(Schema, Schema, Predicate, DiffRules)}, knowing which columns the target's sequences
     * feed: a sequence created for a table with rows continues past them.
     */
    public static List<Operation> diff(
            Schema current,
            Schema target,
            Predicate<QualifiedName> ignored,
            DiffRules rules,
            List<SequenceUse> sequenceUses) {
        return SequenceContinuations.apply(diff(current, target, ignored, rules), current, sequenceUses);
    }

    /** As the above, with {@code renames} decided beforehand (hinted, guessed or confirmed). */
    public static List<Operation> diff(
            Schema current,
            Schema target,
            Predicate<QualifiedName> ignored,
            DiffRules rules,
            List<SequenceUse> sequenceUses,
            RenamePlan renames) {
        Schema before = withoutTables(current, ignored);
        List<Operation> operations = diff(before, withoutTables(target, ignored), rules, renames);
        return SequenceContinuations.apply(operations, before, sequenceUses);
    }

    /** The tables on either side with {@code ignored} ones left out: what the renames are decided over. */
    public static Schema managed(Schema schema, Predicate<QualifiedName> ignored) {
        return withoutTables(schema, ignored);
    }

    /** The tables present on both sides that differ in anything, ignored ones left out. */
    public static Set<QualifiedName> changedTables(
            Schema current, Schema target, Predicate<QualifiedName> ignored, DiffRules rules) {
        Set<QualifiedName> changed = new java.util.TreeSet<>();
        for (Table wanted : target.tables()) {
            Optional<Table> existing = current.table(wanted.name());
            if (existing.isPresent() && !ignored.test(wanted.name())) {
                // The table alone, beside the same types: no sequence bears on a table's own differences.
                Schema around = new Schema(current.namespaces(), List.of(), List.of(), current.enumTypes());
                Schema before = around.withTables(List.of(existing.get()));
                Schema after = around.withTables(List.of(wanted));
                if (!diff(before, after, rules).isEmpty()) {
                    changed.add(wanted.name());
                }
            }
        }
        return changed;
    }

    private static Schema withoutTables(Schema schema, Predicate<QualifiedName> ignored) {
        return schema.withTables(
                schema.tables().stream().filter(t -> !ignored.test(t.name())).toList());
    }

    /**
     * The operations that turn {@code current} into {@code target}, taking only the renames that are not
     * in doubt; empty when they are alike.
     */
    public static List<Operation> diff(Schema current, Schema target, DiffRules rules) {
        return diff(current, target, rules, RenameFinder.guesses(current, target, rules));
    }

    /** The operations that turn {@code current} into {@code target}, with {@code renames} taken first. */
    public static List<Operation> diff(Schema current, Schema target, DiffRules rules, RenamePlan renames) {
        SchemaDiffer differ = new SchemaDiffer(rules);
        differ.compare(current, target, renames);
        List<Operation> all = new ArrayList<>(differ.early);
        all.addAll(differ.middle);
        all.addAll(differ.foreignKeys);
        all.addAll(differ.late);
        return all;
    }

    private void compare(Schema before, Schema target, RenamePlan renames) {
        Map<QualifiedName, Table> targetTables = byName(target);
        target.namespaces().stream()
                .filter(n -> !before.namespaces().contains(n))
                .forEach(n -> early.add(new CreateSchema(n)));
        Schema current = rename(moveTables(before, target, targetTables), target, renames);
        Map<QualifiedName, Table> currentTables = byName(current);
        for (EnumType type : target.enumTypes()) {
            Optional<EnumType> existing = current.enumType(type.name());
            if (existing.isEmpty()) {
                early.add(new CreateEnumType(type));
            } else if (!existing.get().equals(type)) {
                early.add(new AlterEnumType(existing.get(), type, columnsOfType(current, type.name())));
            }
        }
        Map<QualifiedName, Sequence> currentSequences = new HashMap<>();
        current.sequences().forEach(q -> currentSequences.put(q.name(), q));
        Set<QualifiedName> targetSequences = new java.util.HashSet<>();
        target.sequences().forEach(q -> targetSequences.add(q.name()));
        for (Sequence sequence : target.sequences()) {
            Optional<Sequence> existing = Optional.ofNullable(currentSequences.get(sequence.name()));
            if (existing.isEmpty()) {
                early.add(new CreateSequence(sequence));
            } else if (!existing.get().equals(sequence)) {
                early.add(new AlterSequence(existing.get(), sequence));
            }
        }
        Map<QualifiedName, Set<String>> retyped = retypedColumns(current, targetTables);
        for (Table table : current.tables()) {
            Optional<Table> wanted = Optional.ofNullable(targetTables.get(table.name()));
            if (wanted.isPresent()) {
                compareTable(table, wanted.get(), retyped);
            }
        }
        TableDrops drops = new TableDrops(current.tables().stream()
                .filter(t -> !targetTables.containsKey(t.name()))
                .toList());
        early.addAll(drops.keys);
        // Before anything is created: a new table may take the name of a constraint or index that goes with an old one.
        early.addAll(drops.tables);
        for (Table table : target.tables()) {
            if (!currentTables.containsKey(table.name())) {
                createTable(table);
            }
        }
        current.sequences().stream()
                .filter(q -> !targetSequences.contains(q.name()))
                .forEach(q -> late.add(new DropSequence(q)));
        current.enumTypes().stream()
                .filter(e -> target.enumType(e.name()).isEmpty())
                .forEach(e -> late.add(new DropEnumType(e)));
        current.namespaces().stream()
                .filter(n -> !target.namespaces().contains(n))
                .forEach(n -> late.add(new DropSchema(n)));
    }

    /**
     * A table that is gone from one schema while a table of the same name appears in another moved there:
     * it is moved with its rows, and then compared like any other. Two candidates either side are no match.
     */
    private Schema moveTables(Schema current, Schema target, Map<QualifiedName, Table> targetTables) {
        Map<QualifiedName, Table> currentTables = byName(current);
        List<Table> gone = current.tables().stream()
                .filter(t -> !targetTables.containsKey(t.name()))
                .toList();
        List<Table> appeared = target.tables().stream()
                .filter(t -> !currentTables.containsKey(t.name()))
                .toList();
        Schema moved = current;
        for (Table table : gone) {
            List<Table> from = gone.stream()
                    .filter(t -> t.name().name().equals(table.name().name()))
                    .toList();
            List<Table> to = appeared.stream()
                    .filter(t -> t.name().name().equals(table.name().name()))
                    .toList();
            if (from.size() == 1 && to.size() == 1) {
                SetTableSchema move =
                        new SetTableSchema(table.name(), to.get(0).name().schema());
                early.add(move);
                moved = move.applyTo(moved);
            }
        }
        return moved;
    }

    /**
     * Takes the planned renames, tables first, then the columns (under their tables' new names). A
     * constraint that bore the name the database gave it takes the name it would give it now, unless the
     * entities name it: a renamed table looks like one created under its new name.
     */
    private Schema rename(Schema current, Schema target, RenamePlan plan) {
        Schema renamed = current;
        Map<QualifiedName, Table> before = new HashMap<>();
        for (Rename rename : plan.renames()) {
            if (rename.ofTable()) {
                RenameTable op = new RenameTable(rename.table(), rename.to());
                before.put(op.renamed(), renamed.table(rename.table()).orElseThrow());
                early.add(op);
                renamed = op.applyTo(renamed);
            }
        }
        for (Rename rename : plan.renames()) {
            if (!rename.ofTable()) {
                RenameColumn op = new RenameColumn(rename.table(), rename.column(), rename.to());
                before.putIfAbsent(rename.table(), renamed.table(rename.table()).orElseThrow());
                early.add(op);
                renamed = op.applyTo(renamed);
            }
        }
        for (Map.Entry<QualifiedName, Table> changed : before.entrySet()) {
            Table now = renamed.table(changed.getKey()).orElseThrow();
            Optional<Table> wanted = target.table(changed.getKey());
            List<String> taken = new ArrayList<>(
                    now.constraints().stream().map(Constraint::name).toList());
            for (int i = 0; i < now.constraints().size(); i++) {
                Constraint then = changed.getValue().constraints().get(i);
                Constraint constraint = now.constraints().get(i);
                Set<String> others = new java.util.HashSet<>(taken);
                others.remove(constraint.name());
                boolean named = wanted.isPresent()
                        && wanted.get().constraints().stream()
                                .anyMatch(w -> w.name() != null && sameConstraint(constraint, w.withName(null)));
                String given = rules.constraintName(changed.getValue(), then, others);
                String fresh = rules.constraintName(now, constraint, others);
                if (!named
                        && constraint.name().equals(given)
                        && !fresh.equals(given)
                        && rules.renamesInPlace(constraint)) {
                    RenameConstraint op = new RenameConstraint(now.name(), constraint.name(), fresh);
                    early.add(op);
                    renamed = op.applyTo(renamed);
                    taken.set(i, fresh);
                }
            }
        }
        return renamed;
    }

    private static Map<QualifiedName, Table> byName(Schema schema) {
        Map<QualifiedName, Table> tables = new HashMap<>();
        schema.tables().forEach(t -> tables.put(t.name(), t));
        return tables;
    }

    /** The columns whose type is the named enum type. */
    private List<ColumnRef> columnsOfType(Schema schema, QualifiedName type) {
        List<ColumnRef> columns = new ArrayList<>();
        for (Table table : schema.tables()) {
            table.columns().stream()
                    .filter(c -> rules.isOfType(c.type(), type))
                    .forEach(c -> columns.add(new ColumnRef(table.name(), c.name(), c.defaultValue())));
        }
        return columns;
    }

    private void createTable(Table table) {
        ConstraintNames names = new ConstraintNames(table, List.of(), rules);
        Table created = Table.of(table.name(), table.columns())
                .withPrimaryKey(table.primaryKey() == null ? null : (PrimaryKey) names.name(table.primaryKey()))
                .withUniqueConstraints(table.uniqueConstraints().stream()
                        .map(u -> (UniqueConstraint) names.name(u))
                        .toList())
                .withChecks(table.checks().stream()
                        .map(c -> (CheckConstraint) names.name(c))
                        .toList())
                .withComment(table.comment());
        middle.add(new CreateTable(created));
        table.indexes().forEach(i -> middle.add(new CreateIndex(table.name(), i)));
        table.foreignKeys().forEach(k -> foreignKeys.add(new AddForeignKey(table.name(), (ForeignKey) names.name(k))));
    }

    /** The columns of tables on both sides whose type changes, by table. */
    private static Map<QualifiedName, Set<String>> retypedColumns(
            Schema current, Map<QualifiedName, Table> targetTables) {
        Map<QualifiedName, Set<String>> retyped = new HashMap<>();
        for (Table table : current.tables()) {
            Table wanted = targetTables.get(table.name());
            if (wanted != null) {
                for (Column column : table.columns()) {
                    wanted.column(column.name())
                            .filter(w -> !w.type().equals(column.type()))
                            .ifPresent(w -> retyped.computeIfAbsent(table.name(), t -> new java.util.HashSet<>())
                                    .add(column.name()));
                }
            }
        }
        return retyped;
    }

    /**
     * A foreign key on or to a column whose type changes must step aside while it does: PostgreSQL refuses
     * the change while the key stands. It is dropped first and added back once both sides have changed.
     */
    private static boolean touchesRetyped(
            Constraint constraint, QualifiedName table, Map<QualifiedName, Set<String>> retyped) {
        if (!(constraint instanceof ForeignKey key)) {
            return false;
        }
        Set<String> own = retyped.getOrDefault(table, Set.of());
        Set<String> target = retyped.getOrDefault(key.target(), Set.of());
        return key.columns().stream().anyMatch(own::contains)
                || key.targetColumns().stream().anyMatch(target::contains);
    }

    private void compareTable(Table current, Table target, Map<QualifiedName, Set<String>> retyped) {
        List<Constraint> unmatched = new ArrayList<>(current.constraints());
        List<Constraint> missing = new ArrayList<>();
        for (Constraint wanted : target.constraints()) {
            Optional<Constraint> found = unmatched.stream()
                    .filter(c -> sameConstraint(c, wanted) && !touchesRetyped(c, current.name(), retyped))
                    .findFirst();
            if (found.isPresent()) {
                unmatched.remove(found.get());
            } else {
                missing.add(wanted);
            }
        }
        List<Index> unmatchedIndexes = new ArrayList<>(current.indexes());
        List<Index> missingIndexes = new ArrayList<>();
        for (Index wanted : target.indexes()) {
            Optional<Index> found =
                    unmatchedIndexes.stream().filter(i -> sameIndex(i, wanted)).findFirst();
            if (found.isPresent()) {
                unmatchedIndexes.remove(found.get());
            } else {
                missingIndexes.add(wanted);
            }
        }
        List<Operation> renames = new ArrayList<>();
        for (Constraint wanted : List.copyOf(missing)) {
            unmatched.stream()
                    .filter(c -> c.name() != null
                            && rules.renamesInPlace(c)
                            && sameConstraint(c, wanted.withName(null))
                            && !touchesRetyped(c, current.name(), retyped))
                    .findFirst()
                    .ifPresent(c -> {
                        renames.add(new RenameConstraint(current.name(), c.name(), wanted.name()));
                        unmatched.remove(c);
                        missing.remove(wanted);
                    });
        }
        for (Index wanted : List.copyOf(missingIndexes)) {
            unmatchedIndexes.stream()
                    .filter(i -> i.name() != null && sameIndex(i, withoutName(wanted)))
                    .findFirst()
                    .ifPresent(i -> {
                        renames.add(new RenameIndex(current.name(), i.name(), wanted.name()));
                        unmatchedIndexes.remove(i);
                        missingIndexes.remove(wanted);
                    });
        }
        unmatched.forEach(c -> early.add(new DropConstraint(current.name(), c)));
        unmatchedIndexes.forEach(i -> early.add(new DropIndex(current.name(), i)));
        // After the drops: a renamed one may take the name of one that goes.
        early.addAll(renames);

        for (Column column : target.columns()) {
            Optional<Column> existing = current.column(column.name());
            if (existing.isEmpty()) {
                middle.add(new AddColumn(current.name(), column));
            } else if (!sameColumn(existing.get(), column)) {
                middle.add(new AlterColumn(current.name(), existing.get(), column));
            }
        }
        for (Column column : current.columns()) {
            if (target.column(column.name()).isEmpty()) {
                late.add(new DropColumn(current.name(), column));
            }
        }
        if (!Objects.equals(current.comment(), target.comment())) {
            middle.add(new SetTableComment(current.name(), current.comment(), target.comment()));
        }

        Set<String> renamedFrom = renames.stream()
                .filter(RenameConstraint.class::isInstance)
                .map(r -> ((RenameConstraint) r).from())
                .collect(java.util.stream.Collectors.toSet());
        List<String> kept = new ArrayList<>(current.constraints().stream()
                .filter(c -> !unmatched.contains(c) && !renamedFrom.contains(c.name()))
                .map(Constraint::name)
                .toList());
        renames.stream()
                .filter(RenameConstraint.class::isInstance)
                .map(r -> ((RenameConstraint) r).to())
                .forEach(kept::add);
        ConstraintNames names = new ConstraintNames(target, kept, rules);
        for (Constraint wanted : missing) {
            Constraint named = names.name(wanted);
            if (named instanceof PrimaryKey key) {
                middle.add(new AddPrimaryKey(current.name(), key));
            } else if (named instanceof UniqueConstraint unique) {
                middle.add(new AddUniqueConstraint(current.name(), unique));
            } else if (named instanceof CheckConstraint check) {
                middle.add(new AddCheckConstraint(current.name(), check));
            } else {
                foreignKeys.add(new AddForeignKey(current.name(), (ForeignKey) named));
            }
        }
        missingIndexes.forEach(i -> middle.add(new CreateIndex(current.name(), i)));
    }

    /** Alike in what they are; expressions alike as the dialect reads them. */
    private boolean sameColumn(Column current, Column target) {
        return sameColumn(rules, current, target);
    }

    /** The name of a NOT NULL constraint counts only when both give one, as the entities never do. */
    static boolean sameColumn(DiffRules rules, Column current, Column target) {
        boolean bothNamed = current.notNullConstraint() != null && target.notNullConstraint() != null;
        return unnamed(current, bothNamed).equals(unnamed(target, bothNamed))
                && rules.sameExpression(current.defaultValue(), target.defaultValue())
                && rules.sameExpression(current.generatedAs(), target.generatedAs())
                && current.virtual() == target.virtual();
    }

    private static Column unnamed(Column column, boolean keepName) {
        Column plain = column.withDefaultValue(null).withGeneratedAs(null);
        return keepName || plain.nullable() ? plain : plain.withNotNullConstraint(null);
    }

    /** Alike in what they constrain; the name counts only when the target gives one. */
    private boolean sameConstraint(Constraint current, Constraint target) {
        boolean alike = current instanceof CheckConstraint a && target instanceof CheckConstraint b
                ? rules.sameExpression(a.expression(), b.expression())
                : current.withName(null).equals(target.withName(null));
        return alike && (target.name() == null || target.name().equals(current.name()));
    }

    private static Index withoutName(Index index) {
        return new Index(null, index.unique(), index.keys(), index.method(), index.predicate());
    }

    private boolean sameIndex(Index current, Index target) {
        if (current.keys().size() != target.keys().size()) {
            return false;
        }
        for (int i = 0; i < current.keys().size(); i++) {
            IndexKey a = current.keys().get(i);
            IndexKey b = target.keys().get(i);
            boolean alike = a.expression() == b.expression()
                    && a.descending() == b.descending()
                    && (a.expression()
                            ? rules.sameExpression(a.text(), b.text())
                            : a.text().equals(b.text()));
            if (!alike) {
                return false;
            }
        }
        return current.unique() == target.unique()
                && current.method().equals(target.method())
                && rules.sameExpression(current.predicate(), target.predicate())
                && (target.name() == null || target.name().equals(current.name()));
    }
}
