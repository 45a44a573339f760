package dev.autogen.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builders for the schema objects a migration names, meant to be imported statically:
 * {@code column("email", "character varying(160)").notNull()}. Each returns a small immutable record;
 * a {@code with}-style call returns a changed copy.
 *
 * <p>Types, defaults and expressions are SQL text, handed to the database as written. Names are as the
 * database stores them (PostgreSQL: unquoted names in lower case); they are quoted where SQL needs it.
 */
public final class Definitions {

    private Definitions() {}

    /** A table, sequence or type in the default schema (the {@code schema} setting, {@code public} unless set). */
    public static Name name(String name) {
        return new Name(null, name);
    }

    /** A table, sequence or type in {@code schema}. */
    public static Name name(String schema, String name) {
        return new Name(schema, name);
    }

    /** A nullable column with no default, until told otherwise. */
    public static ColumnDef column(String name, String type) {
        return new ColumnDef(name, type, true, null, Identity.NONE, null, null);
    }

    /** A table with no columns yet: add them in order with {@link TableDef#column}. */
    public static TableDef table(Name name) {
        return new TableDef(name, List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static PrimaryKeyDef primaryKey(String name, String... columns) {
        return new PrimaryKeyDef(name, List.of(columns));
    }

    public static UniqueDef unique(String name, String... columns) {
        return new UniqueDef(name, List.of(columns));
    }

    public static CheckDef check(String name, String expression) {
        return new CheckDef(name, expression);
    }

    /** The columns of a foreign key; {@link ForeignKeyColumns#references} says what they point at. */
    public static ForeignKeyColumns foreignKey(String name, String... columns) {
        return new ForeignKeyColumns(name, List.of(columns));
    }

    /** A b-tree index with no keys yet: add them in order with {@link IndexDef#column} and {@link IndexDef#expression}. */
    public static IndexDef index(String name) {
        return new IndexDef(name, false, List.of(), IndexDef.DEFAULT_METHOD, null);
    }

    /** A sequence with the database's defaults: {@code bigint}, from 1 up by 1, cache 1, no cycle. */
    public static SequenceDef sequence(Name name) {
        return new SequenceDef(name, "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
    }

    public static EnumTypeDef enumType(Name name, String... labels) {
        return new EnumTypeDef(name, List.of(labels), false);
    }

    /**
     * Stands for a conversion only the migration's author can write: autogenerate puts it where a column
     * changes between types the database has no cast for. A migration that still holds it does not run.
     */
    public static String conversionToWrite() {
        return CONVERSION_TO_WRITE;
    }

    private static final String CONVERSION_TO_WRITE = "<conversion to write>";

    /** A column of a table, named from outside it (the columns an enum type change moves). */
    public static ColumnRef columnOf(Name table, String column) {
        return new ColumnRef(table, column, null);
    }

    /**
     * A schema-qualified name.
     *
     * @param schema the schema, or {@code null} for the default schema
     */
    public record Name(String schema, String name) {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /**
     * A column.
     *
     * @param type the SQL type, as the database spells it ({@code character varying(255)})
     * @param defaultValue the default expression, or {@code null}
     * @param generatedAs the expression of a generated column, or {@code null}
     * @param comment the column comment, or {@code null}
     * @param virtual a generated column computed when read (PostgreSQL 18 and later), not stored
     * @param notNullConstraint the name of its NOT NULL constraint (PostgreSQL 18 and later), or {@code null}
     *     for the name the database makes up
     */
    public record ColumnDef(
            String name,
            String type,
            boolean nullable,
            String defaultValue,
            Identity identity,
            String generatedAs,
            String comment,
            boolean virtual,
            String notNullConstraint) {

        public ColumnDef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(identity, "identity");
        }

        /** A column whose NOT NULL constraint, if any, bears the name the database makes up. */
        public ColumnDef(
                String name,
                String type,
                boolean nullable,
                String defaultValue,
                Identity identity,
                String generatedAs,
                String comment,
                boolean virtual) {
            this(name, type, nullable, defaultValue, identity, generatedAs, comment, virtual, null);
        }

        /** A column that is not a virtual generated one. */
        public ColumnDef(
                String name,
                String type,
                boolean nullable,
                String defaultValue,
                Identity identity,
                String generatedAs,
                String comment) {
            this(name, type, nullable, defaultValue, identity, generatedAs, comment, false);
        }

        public ColumnDef notNull() {
            return new ColumnDef(
                    name, type, false, defaultValue, identity, generatedAs, comment, virtual, notNullConstraint);
        }

        /**
         * Not null through a constraint of this name (PostgreSQL 18 and later), as the database had it: a
         * downgrade that adds the column back gives it back its name.
         */
        public ColumnDef notNullConstraint(String constraint) {
            return new ColumnDef(name, type, false, defaultValue, identity, generatedAs, comment, virtual, constraint);
        }

        public ColumnDef defaultValue(String expression) {
            return new ColumnDef(
                    name, type, nullable, expression, identity, generatedAs, comment, virtual, notNullConstraint);
        }

        public ColumnDef identity(Identity kind) {
            return new ColumnDef(
                    name, type, nullable, defaultValue, kind, generatedAs, comment, virtual, notNullConstraint);
        }

        /** A stored generated column: computed when a row is written. */
        public ColumnDef generatedAs(String expression) {
            return new ColumnDef(
                    name, type, nullable, defaultValue, identity, expression, comment, false, notNullConstraint);
        }

        /** A virtual generated column: computed when read (PostgreSQL 18 and later). */
        public ColumnDef generatedVirtualAs(String expression) {
            return new ColumnDef(
                    name, type, nullable, defaultValue, identity, expression, comment, true, notNullConstraint);
        }

        public ColumnDef comment(String text) {
            return new ColumnDef(
                    name, type, nullable, defaultValue, identity, generatedAs, text, virtual, notNullConstraint);
        }
    }

    /**
     * A table: its columns in order, its primary key, unique and check constraints, and comment. A table
     * being created gets its foreign keys and indexes by calls of their own, once what they need exists; a
     * table being dropped carries them, so that undoing the drop builds them again.
     */
    public record TableDef(
            Name name,
            List<ColumnDef> columns,
            PrimaryKeyDef primaryKey,
            List<UniqueDef> uniques,
            List<CheckDef> checks,
            List<ForeignKeyDef> foreignKeys,
            List<IndexDef> indexes,
            String comment) {

        public TableDef {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            uniques = List.copyOf(uniques);
            checks = List.copyOf(checks);
            foreignKeys = List.copyOf(foreignKeys);
            indexes = List.copyOf(indexes);
        }

        public TableDef column(ColumnDef column) {
            return new TableDef(
                    name, plus(columns, column), primaryKey, uniques, checks, foreignKeys, indexes, comment);
        }

        public TableDef primaryKey(String keyName, String... keyColumns) {
            return new TableDef(
                    name,
                    columns,
                    Definitions.primaryKey(keyName, keyColumns),
                    uniques,
                    checks,
                    foreignKeys,
                    indexes,
                    comment);
        }

        public TableDef unique(String constraintName, String... constraintColumns) {
            return new TableDef(
                    name,
                    columns,
                    primaryKey,
                    plus(uniques, Definitions.unique(constraintName, constraintColumns)),
                    checks,
                    foreignKeys,
                    indexes,
                    comment);
        }

        public TableDef check(String constraintName, String expression) {
            return new TableDef(
                    name,
                    columns,
                    primaryKey,
                    uniques,
                    plus(checks, Definitions.check(constraintName, expression)),
                    foreignKeys,
                    indexes,
                    comment);
        }

        public TableDef foreignKey(ForeignKeyDef key) {
            return new TableDef(name, columns, primaryKey, uniques, checks, plus(foreignKeys, key), indexes, comment);
        }

        public TableDef index(IndexDef index) {
            return new TableDef(name, columns, primaryKey, uniques, checks, foreignKeys, plus(indexes, index), comment);
        }

        public TableDef comment(String text) {
            return new TableDef(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, text);
        }
    }

    /** A primary key, unique, check or foreign key constraint. */
    public sealed interface ConstraintDef permits PrimaryKeyDef, UniqueDef, CheckDef, ForeignKeyDef {
        String name();
    }

    public record PrimaryKeyDef(String name, List<String> columns) implements ConstraintDef {
        public PrimaryKeyDef {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    public record UniqueDef(String name, List<String> columns) implements ConstraintDef {
        public UniqueDef {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /** @param expression the boolean SQL expression, without the surrounding {@code check (...)} */
    public record CheckDef(String name, String expression) implements ConstraintDef {
        public CheckDef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** The columns of a foreign key, waiting for {@link #references} to say what they point at. */
    public record ForeignKeyColumns(String name, List<String> columns) {
        public ForeignKeyColumns {
            columns = List.copyOf(columns);
        }

        public ForeignKeyDef references(Name table, String... targetColumns) {
            return new ForeignKeyDef(
                    name,
                    columns,
                    table,
                    List.of(targetColumns),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION,
                    false,
                    false);
        }
    }

    /** A foreign key: no action on delete or update, not deferrable, until told otherwise. */
    public record ForeignKeyDef(
            String name,
            List<String> columns,
            Name target,
            List<String> targetColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean isDeferrable,
            boolean isInitiallyDeferred)
            implements ConstraintDef {

        public ForeignKeyDef {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            Objects.requireNonNull(target, "target");
            targetColumns = List.copyOf(targetColumns);
            Objects.requireNonNull(onDelete, "onDelete");
            Objects.requireNonNull(onUpdate, "onUpdate");
        }

        public ForeignKeyDef onDelete(ReferentialAction action) {
            return new ForeignKeyDef(
                    name, columns, target, targetColumns, action, onUpdate, isDeferrable, isInitiallyDeferred);
        }

        public ForeignKeyDef onUpdate(ReferentialAction action) {
            return new ForeignKeyDef(
                    name, columns, target, targetColumns, onDelete, action, isDeferrable, isInitiallyDeferred);
        }

        public ForeignKeyDef deferrable() {
            return new ForeignKeyDef(
                    name, columns, target, targetColumns, onDelete, onUpdate, true, isInitiallyDeferred);
        }

        public ForeignKeyDef initiallyDeferred() {
            return new ForeignKeyDef(name, columns, target, targetColumns, onDelete, onUpdate, isDeferrable, true);
        }
    }

    /**
     * An index.
     *
     * @param method the access method ({@code btree}, {@code gin}, ...)
     * @param predicate the {@code where} condition of a partial index, or {@code null}
     */
    public record IndexDef(String name, boolean isUnique, List<IndexKey> keys, String method, String predicate) {

        static final String DEFAULT_METHOD = "btree";

        public IndexDef {
            Objects.requireNonNull(name, "name");
            keys = List.copyOf(keys);
            Objects.requireNonNull(method, "method");
        }

        public IndexDef column(String column) {
            return withKey(new IndexKey(column, false, false));
        }

        public IndexDef columnDescending(String column) {
            return withKey(new IndexKey(column, false, true));
        }

        public IndexDef expression(String expression) {
            return withKey(new IndexKey(expression, true, false));
        }

        public IndexDef expressionDescending(String expression) {
            return withKey(new IndexKey(expression, true, true));
        }

        public IndexDef unique() {
            return new IndexDef(name, true, keys, method, predicate);
        }

        public IndexDef using(String accessMethod) {
            return new IndexDef(name, isUnique, keys, accessMethod, predicate);
        }

        public IndexDef where(String condition) {
            return new IndexDef(name, isUnique, keys, method, condition);
        }

        private IndexDef withKey(IndexKey key) {
            return new IndexDef(name, isUnique, plus(keys, key), method, predicate);
        }
    }

    /** One key of an index: a column name, or an SQL expression when {@code expression} is true. */
    public record IndexKey(String text, boolean expression, boolean descending) {
        public IndexKey {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A sequence: the database's defaults until told otherwise. */
    public record SequenceDef(
            Name name, String dataType, long start, long increment, long min, long max, long cache, boolean cycles) {

        public SequenceDef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataType, "dataType");
        }

        public SequenceDef startWith(long value) {
            return new SequenceDef(name, dataType, value, increment, min, max, cache, cycles);
        }

        /** The step; a negative one also turns the default bounds around, as in PostgreSQL. */
        public SequenceDef incrementBy(long step) {
            return step > 0
                    ? new SequenceDef(name, dataType, start, step, 1, Long.MAX_VALUE, cache, cycles)
                    : new SequenceDef(name, dataType, start, step, Long.MIN_VALUE, -1, cache, cycles);
        }

        public SequenceDef dataType(String type) {
            return new SequenceDef(name, type, start, increment, min, max, cache, cycles);
        }

        public SequenceDef minValue(long value) {
            return new SequenceDef(name, dataType, start, increment, value, max, cache, cycles);
        }

        public SequenceDef maxValue(long value) {
            return new SequenceDef(name, dataType, start, increment, min, value, cache, cycles);
        }

        public SequenceDef cache(long size) {
            return new SequenceDef(name, dataType, start, increment, min, max, size, cycles);
        }

        public SequenceDef cycle() {
            return new SequenceDef(name, dataType, start, increment, min, max, cache, true);
        }
    }

    /**
     * An enum type; label order is significant.
     *
     * @param varcharCasts whether {@code varchar} converts to and from it implicitly, as Hibernate sets a named
     *     enum up, so that a plain string can be bound where the type is expected
     */
    public record EnumTypeDef(Name name, List<String> labels, boolean varcharCasts) {
        public EnumTypeDef {
            Objects.requireNonNull(name, "name");
            labels = List.copyOf(labels);
        }

        /** The type with implicit casts to and from {@code varchar}. */
        public EnumTypeDef withVarcharCasts() {
            return new EnumTypeDef(name, labels, true);
        }
    }

    /**
     * A column of a table, named from outside the table.
     *
     * @param defaultValue the column's default, or {@code null}
     */
    public record ColumnRef(Name table, String column, String defaultValue) {
        public ColumnRef {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        /** The column, with the default it has. */
        public ColumnRef withDefault(String expression) {
            return new ColumnRef(table, column, expression);
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
