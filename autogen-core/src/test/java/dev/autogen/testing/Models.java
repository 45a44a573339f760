package dev.autogen.testing;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Builders of the internal schema model for tests, meant to be imported statically:
 * {@code column("email", "character varying(160)").notNull()}. Each builds one model record.
 */
public final class Models {

    private Models() {}

    public static QualifiedName name(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    public static ColumnDef column(String name, String type) {
        return new ColumnDef(Column.of(name, type, true));
    }

    public static TableDef table(QualifiedName name) {
        return new TableDef(Table.of(name, List.of()));
    }

    public static PrimaryKey primaryKey(String name, String... columns) {
        return new PrimaryKey(name, List.of(columns));
    }

    public static UniqueConstraint unique(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns));
    }

    public static CheckConstraint check(String name, String expression) {
        return new CheckConstraint(name, expression);
    }

    public static ForeignKeyColumns foreignKey(String name, String... columns) {
        return new ForeignKeyColumns(name, List.of(columns));
    }

    public static IndexDef index(String name) {
        return new IndexDef(name, false, List.of(), Index.DEFAULT_METHOD, null);
    }

    public static SequenceDef sequence(QualifiedName name) {
        return new SequenceDef(Sequence.withDefaults(name, 1, 1));
    }

    public static EnumType enumType(QualifiedName name, String... labels) {
        return new EnumType(name, List.of(labels));
    }

    /** A column: nullable, no default, until told otherwise. */
    public record ColumnDef(Column column) {

        public ColumnDef notNull() {
            return new ColumnDef(column.withNullable(false));
        }

        public ColumnDef defaultValue(String expression) {
            return new ColumnDef(column.withDefaultValue(expression));
        }

        public ColumnDef identity(Identity identity) {
            return new ColumnDef(column.withIdentity(identity));
        }

        public ColumnDef generatedAs(String expression) {
            Column c = column;
            return new ColumnDef(new Column(
                    c.name(), c.type(), c.nullable(), c.defaultValue(), c.identity(), expression, c.comment()));
        }

        public ColumnDef comment(String comment) {
            return new ColumnDef(column.withComment(comment));
        }
    }

    /** A table: its columns in order, then its constraints and comment. */
    public record TableDef(Table table) {

        public TableDef column(ColumnDef column) {
            return new TableDef(table.withColumns(plus(table.columns(), column.column())));
        }

        public TableDef primaryKey(String name, String... columns) {
            return new TableDef(table.withPrimaryKey(Models.primaryKey(name, columns)));
        }

        public TableDef unique(String name, String... columns) {
            return new TableDef(
                    table.withUniqueConstraints(plus(table.uniqueConstraints(), Models.unique(name, columns))));
        }

        public TableDef check(String name, String expression) {
            return new TableDef(table.withChecks(plus(table.checks(), Models.check(name, expression))));
        }

        public TableDef comment(String comment) {
            return new TableDef(table.withComment(comment));
        }
    }

    /** The columns of a foreign key, waiting for {@link #references} to say what they point at. */
    public record ForeignKeyColumns(String name, List<String> columns) {

        public ForeignKeyDef references(QualifiedName table, String... targetColumns) {
            return new ForeignKeyDef(ForeignKey.of(name, columns, table, List.of(targetColumns)));
        }
    }

    /** A foreign key: no action on delete or update, not deferrable, until told otherwise. */
    public record ForeignKeyDef(ForeignKey foreignKey) {

        public ForeignKeyDef onDelete(ReferentialAction action) {
            ForeignKey k = foreignKey;
            return new ForeignKeyDef(new ForeignKey(
                    k.name(),
                    k.columns(),
                    k.target(),
                    k.targetColumns(),
                    action,
                    k.onUpdate(),
                    k.deferrable(),
                    k.initiallyDeferred()));
        }

        public ForeignKeyDef onUpdate(ReferentialAction action) {
            ForeignKey k = foreignKey;
            return new ForeignKeyDef(new ForeignKey(
                    k.name(),
                    k.columns(),
                    k.target(),
                    k.targetColumns(),
                    k.onDelete(),
                    action,
                    k.deferrable(),
                    k.initiallyDeferred()));
        }

        public ForeignKeyDef deferrable() {
            ForeignKey k = foreignKey;
            return new ForeignKeyDef(new ForeignKey(
                    k.name(),
                    k.columns(),
                    k.target(),
                    k.targetColumns(),
                    k.onDelete(),
                    k.onUpdate(),
                    true,
                    k.initiallyDeferred()));
        }

        public ForeignKeyDef initiallyDeferred() {
            ForeignKey k = foreignKey;
            return new ForeignKeyDef(new ForeignKey(
                    k.name(),
                    k.columns(),
                    k.target(),
                    k.targetColumns(),
                    k.onDelete(),
                    k.onUpdate(),
                    k.deferrable(),
                    true));
        }
    }

    /** An index: its keys in order, then how it is built. */
    public record IndexDef(String name, boolean isUnique, List<IndexKey> keys, String method, String predicate) {

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

        public Index index() {
            return new Index(name, isUnique, keys, method, predicate);
        }

        private IndexDef withKey(IndexKey key) {
            return new IndexDef(name, isUnique, plus(keys, key), method, predicate);
        }
    }

    /** A sequence: PostgreSQL's defaults until told otherwise. */
    public record SequenceDef(Sequence sequence) {

        public SequenceDef startWith(long start) {
            Sequence s = sequence;
            return new SequenceDef(
                    new Sequence(s.name(), s.dataType(), start, s.increment(), s.min(), s.max(), s.cache(), s.cycle()));
        }

        /** The step; a negative one also turns the default bounds around, as in PostgreSQL. */
        public SequenceDef incrementBy(long increment) {
            Sequence s = sequence;
            Sequence defaults = Sequence.withDefaults(s.name(), s.start(), increment);
            return new SequenceDef(new Sequence(
                    s.name(),
                    s.dataType(),
                    s.start(),
                    increment,
                    defaults.min(),
                    defaults.max(),
                    s.cache(),
                    s.cycle()));
        }

        public SequenceDef dataType(String type) {
            Sequence s = sequence;
            return new SequenceDef(
                    new Sequence(s.name(), type, s.start(), s.increment(), s.min(), s.max(), s.cache(), s.cycle()));
        }

        public SequenceDef minValue(long min) {
            Sequence s = sequence;
            return new SequenceDef(
                    new Sequence(s.name(), s.dataType(), s.start(), s.increment(), min, s.max(), s.cache(), s.cycle()));
        }

        public SequenceDef maxValue(long max) {
            Sequence s = sequence;
            return new SequenceDef(
                    new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.min(), max, s.cache(), s.cycle()));
        }

        public SequenceDef cache(long cache) {
            Sequence s = sequence;
            return new SequenceDef(
                    new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.min(), s.max(), cache, s.cycle()));
        }

        public SequenceDef cycle() {
            Sequence s = sequence;
            return new SequenceDef(
                    new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.min(), s.max(), s.cache(), true));
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
