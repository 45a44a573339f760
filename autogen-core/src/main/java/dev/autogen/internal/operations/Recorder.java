package dev.autogen.internal.operations;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.migration.DataStep;
import dev.autogen.migration.Definitions;
import dev.autogen.migration.Definitions.CheckDef;
import dev.autogen.migration.Definitions.ColumnDef;
import dev.autogen.migration.Definitions.ColumnRef;
import dev.autogen.migration.Definitions.ConstraintDef;
import dev.autogen.migration.Definitions.EnumTypeDef;
import dev.autogen.migration.Definitions.ForeignKeyDef;
import dev.autogen.migration.Definitions.IndexDef;
import dev.autogen.migration.Definitions.Name;
import dev.autogen.migration.Definitions.PrimaryKeyDef;
import dev.autogen.migration.Definitions.SequenceDef;
import dev.autogen.migration.Definitions.TableDef;
import dev.autogen.migration.Definitions.UniqueDef;
import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.migration.Revision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Records what a migration's calls mean as operation records, in order, without running anything. Names
 * without a schema are in {@code defaultSchema}.
 */
public final class Recorder implements Operations {

    private final String defaultSchema;
    private final List<Operation> operations = new ArrayList<>();

    public Recorder(String defaultSchema) {
        this.defaultSchema = Objects.requireNonNull(defaultSchema, "defaultSchema");
    }

    /** What {@code migration.upgrade} does. */
    public static List<Operation> upgrade(Migration migration, String defaultSchema) {
        Recorder recorder = new Recorder(defaultSchema);
        try {
            migration.upgrade(recorder);
        } catch (RuntimeException | LinkageError e) {
            throw threw(migration, "upgrade()", e);
        }
        return recorder.operations();
    }

    /** What {@code migration.downgrade} does. */
    public static List<Operation> downgrade(Migration migration, String defaultSchema) {
        Recorder recorder = new Recorder(defaultSchema);
        try {
            migration.downgrade(recorder);
        } catch (RuntimeException | LinkageError e) {
            throw threw(migration, "downgrade()", e);
        }
        return recorder.operations();
    }

    /** A migration's own code failed: say which migration, which method, what and where, not "an autogen bug". */
    private static AutogenException threw(Migration migration, String method, Throwable e) {
        if (e instanceof AutogenException autogen) {
            return autogen;
        }
        Class<?> type = migration.getClass();
        Revision revision = type.getAnnotation(Revision.class);
        String which = revision == null ? type.getName() : "revision " + revision.id() + " (" + type.getName() + ")";
        String where = java.util.Arrays.stream(e.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(type.getName()))
                .findFirst()
                .map(frame -> " at " + frame.getFileName() + ":" + frame.getLineNumber())
                .orElse("");
        if (e instanceof Incomplete) {
            return new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    which + ": " + e.getMessage() + where,
                    "replace conversionToWrite() with an SQL expression over the column giving each new value;"
                            + " nothing was run");
        }
        return new AutogenException(
                ErrorCode.MIGRATION_INVALID,
                which + ": its " + method + " threw " + e + where,
                "fix the migration; nothing was run",
                e);
    }

    /** The reverses of {@code operations}, last first: the way back from them. */
    public static List<Operation> reversed(List<Operation> operations) {
        List<Operation> reverses = new ArrayList<>(operations.size());
        for (int i = operations.size() - 1; i >= 0; i--) {
            reverses.add(operations.get(i).reverse());
        }
        return reverses;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** Records an operation that is a record already: for migrations built from a model rather than written. */
    public void record(Operation operation) {
        operations.add(operation);
    }

    @Override
    public void createSchema(String schema) {
        operations.add(new CreateSchema(schema));
    }

    @Override
    public void dropSchema(String schema) {
        operations.add(new DropSchema(schema));
    }

    @Override
    public void createTable(TableDef table) {
        operations.add(new CreateTable(table(table)));
    }

    @Override
    public void dropTable(TableDef table) {
        operations.add(new DropTable(table(table)));
    }

    @Override
    public void addColumn(Name table, ColumnDef column) {
        operations.add(new AddColumn(name(table), column(column)));
    }

    @Override
    public void dropColumn(Name table, ColumnDef column) {
        operations.add(new DropColumn(name(table), column(column)));
    }

    @Override
    public void addColumnInstantly(Name table, ColumnDef column) {
        operations.add(new AddColumn(name(table), column(column), true));
    }

    @Override
    public void dropColumnInstantly(Name table, ColumnDef column) {
        operations.add(new DropColumn(name(table), column(column), true));
    }

    @Override
    public void alterColumn(Name table, ColumnDef from, ColumnDef to) {
        operations.add(new AlterColumn(name(table), column(from), column(to)));
    }

    @Override
    public void alterColumn(Name table, ColumnDef from, ColumnDef to, String using) {
        if (Definitions.conversionToWrite().equals(using)) {
            throw new Incomplete("the conversion of " + name(table) + "." + to.name() + " from " + from.type() + " to "
                    + to.type() + " is still to be written");
        }
        operations.add(new AlterColumn(name(table), column(from), column(to), using));
    }

    /** A migration autogenerate left for its author to finish, not yet finished. */
    private static final class Incomplete extends RuntimeException {
        Incomplete(String message) {
            super(message);
        }
    }

    @Override
    public void renameColumn(Name table, String from, String to) {
        operations.add(new RenameColumn(name(table), from, to));
    }

    @Override
    public void renameConstraint(Name table, String from, String to) {
        operations.add(new RenameConstraint(name(table), from, to));
    }

    @Override
    public void renameIndex(Name table, String from, String to) {
        operations.add(new RenameIndex(name(table), from, to));
    }

    @Override
    public void renameTable(Name table, String to) {
        operations.add(new RenameTable(name(table), to));
    }

    @Override
    public void setTableSchema(Name table, String schema) {
        operations.add(new SetTableSchema(name(table), schema));
    }

    @Override
    public void addPrimaryKey(Name table, PrimaryKeyDef key) {
        operations.add(new AddPrimaryKey(name(table), new PrimaryKey(key.name(), key.columns())));
    }

    @Override
    public void addUniqueConstraint(Name table, UniqueDef constraint) {
        operations.add(
                new AddUniqueConstraint(name(table), new UniqueConstraint(constraint.name(), constraint.columns())));
    }

    @Override
    public void addCheckConstraint(Name table, CheckDef check) {
        operations.add(new AddCheckConstraint(name(table), new CheckConstraint(check.name(), check.expression())));
    }

    @Override
    public void addForeignKey(Name table, ForeignKeyDef key) {
        operations.add(new AddForeignKey(name(table), foreignKey(key)));
    }

    @Override
    public void dropConstraint(Name table, ConstraintDef constraint) {
        operations.add(new DropConstraint(name(table), constraint(constraint)));
    }

    @Override
    public void createIndex(Name table, IndexDef index) {
        operations.add(new CreateIndex(name(table), index(index)));
    }

    @Override
    public void dropIndex(Name table, IndexDef index) {
        operations.add(new DropIndex(name(table), index(index)));
    }

    @Override
    public void createIndexConcurrently(Name table, IndexDef index) {
        operations.add(new CreateIndex(name(table), index(index), true));
    }

    @Override
    public void dropIndexConcurrently(Name table, IndexDef index) {
        operations.add(new DropIndex(name(table), index(index), true));
    }

    @Override
    public void addUniqueConstraintConcurrently(Name table, UniqueDef constraint) {
        operations.add(new AddUniqueConstraint(
                name(table), new UniqueConstraint(constraint.name(), constraint.columns()), true));
    }

    @Override
    public void addForeignKeyNotValid(Name table, ForeignKeyDef key) {
        operations.add(new AddForeignKey(name(table), foreignKey(key), true));
    }

    @Override
    public void addCheckConstraintNotValid(Name table, CheckDef check) {
        operations.add(
                new AddCheckConstraint(name(table), new CheckConstraint(check.name(), check.expression()), true));
    }

    @Override
    public void addNotNullNotValid(Name table, ColumnDef column, String constraint) {
        operations.add(new AddNotNullNotValid(name(table), column(column), constraint));
    }

    @Override
    public void validateConstraint(Name table, String constraint) {
        operations.add(new ValidateConstraint(name(table), constraint));
    }

    @Override
    public void createSequence(SequenceDef sequence, ColumnRef... pastValuesOf) {
        operations.add(new CreateSequence(sequence(sequence), columns(pastValuesOf)));
    }

    @Override
    public void alterSequence(SequenceDef from, SequenceDef to) {
        operations.add(new AlterSequence(sequence(from), sequence(to)));
    }

    @Override
    public void dropSequence(SequenceDef sequence, ColumnRef... pastValuesOf) {
        operations.add(new DropSequence(sequence(sequence), columns(pastValuesOf)));
    }

    @Override
    public void createEnumType(EnumTypeDef type) {
        operations.add(new CreateEnumType(enumType(type)));
    }

    @Override
    public void alterEnumType(EnumTypeDef from, EnumTypeDef to, ColumnRef... columns) {
        operations.add(new AlterEnumType(enumType(from), enumType(to), columns(columns)));
    }

    private List<dev.autogen.internal.operations.ColumnRef> columns(ColumnRef... columns) {
        return Arrays.stream(columns)
                .map(c -> new dev.autogen.internal.operations.ColumnRef(name(c.table()), c.column(), c.defaultValue()))
                .toList();
    }

    @Override
    public void dropEnumType(EnumTypeDef type) {
        operations.add(new DropEnumType(enumType(type)));
    }

    @Override
    public void setTableComment(Name table, String from, String to) {
        operations.add(new SetTableComment(name(table), from, to));
    }

    @Override
    public void execute(String sql, String reverseSql) {
        operations.add(new Execute(sql, reverseSql));
    }

    @Override
    public void execute(DataStep step, DataStep reverse) {
        operations.add(new ExecuteJava(step, reverse));
    }

    @Override
    public void undo(Migration migration) {
        operations.addAll(reversed(upgrade(migration, defaultSchema)));
    }

    // ---------------------------------------------------------------- from the API's records to the model's

    private QualifiedName name(Name name) {
        return new QualifiedName(name.schema() == null ? defaultSchema : name.schema(), name.name());
    }

    private static Column column(ColumnDef c) {
        return new Column(
                c.name(),
                c.type(),
                c.nullable(),
                c.defaultValue(),
                Identity.valueOf(c.identity().name()),
                c.generatedAs(),
                c.comment(),
                c.virtual(),
                c.notNullConstraint());
    }

    private Table table(TableDef t) {
        return new Table(
                name(t.name()),
                t.columns().stream().map(Recorder::column).toList(),
                t.primaryKey() == null
                        ? null
                        : new PrimaryKey(t.primaryKey().name(), t.primaryKey().columns()),
                t.uniques().stream()
                        .map(u -> new UniqueConstraint(u.name(), u.columns()))
                        .toList(),
                t.foreignKeys().stream().map(this::foreignKey).toList(),
                t.checks().stream()
                        .map(c -> new CheckConstraint(c.name(), c.expression()))
                        .toList(),
                t.indexes().stream().map(Recorder::index).toList(),
                t.comment());
    }

    private Constraint constraint(ConstraintDef constraint) {
        if (constraint instanceof PrimaryKeyDef key) {
            return new PrimaryKey(key.name(), key.columns());
        } else if (constraint instanceof UniqueDef unique) {
            return new UniqueConstraint(unique.name(), unique.columns());
        } else if (constraint instanceof CheckDef check) {
            return new CheckConstraint(check.name(), check.expression());
        }
        return foreignKey((ForeignKeyDef) constraint);
    }

    private ForeignKey foreignKey(ForeignKeyDef k) {
        return new ForeignKey(
                k.name(),
                k.columns(),
                name(k.target()),
                k.targetColumns(),
                ReferentialAction.valueOf(k.onDelete().name()),
                ReferentialAction.valueOf(k.onUpdate().name()),
                k.isDeferrable(),
                k.isInitiallyDeferred());
    }

    private static Index index(IndexDef i) {
        List<IndexKey> keys = i.keys().stream()
                .map(k -> new IndexKey(k.text(), k.expression(), k.descending()))
                .toList();
        return new Index(i.name(), i.isUnique(), keys, i.method(), i.predicate());
    }

    private Sequence sequence(SequenceDef s) {
        return new Sequence(
                name(s.name()), s.dataType(), s.start(), s.increment(), s.min(), s.max(), s.cache(), s.cycles());
    }

    private EnumType enumType(EnumTypeDef e) {
        return new EnumType(name(e.name()), e.labels(), e.varcharCasts());
    }
}
