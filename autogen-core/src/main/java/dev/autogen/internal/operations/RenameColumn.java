package dev.autogen.internal.operations;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.internal.sql.SqlIdentifiers;
import java.util.List;
import java.util.Objects;

/** Renames a column; PostgreSQL follows the rename in every constraint and index, and so does the model. */
public record RenameColumn(QualifiedName table, String from, String to) implements Operation {

    public RenameColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Schema applyTo(Schema schema) {
        Schema renamed = Edits.table(schema, table, this::renameIn);
        return renamed.withTables(
                renamed.tables().stream().map(this::renameTargets).toList());
    }

    private Table renameIn(Table t) {
        if (t.column(from).isEmpty()) {
            throw new IllegalStateException("no column " + from + " in " + table);
        }
        List<Column> columns = t.columns().stream()
                .map(c -> c.name().equals(from) ? c.withName(to) : c)
                .toList();
        PrimaryKey key = t.primaryKey() == null
                ? null
                : new PrimaryKey(t.primaryKey().name(), rename(t.primaryKey().columns()));
        return t.withColumns(columns)
                .withPrimaryKey(key)
                .withUniqueConstraints(t.uniqueConstraints().stream()
                        .map(u -> new UniqueConstraint(u.name(), rename(u.columns())))
                        .toList())
                .withForeignKeys(t.foreignKeys().stream()
                        .map(k -> new ForeignKey(
                                k.name(),
                                rename(k.columns()),
                                k.target(),
                                k.targetColumns(),
                                k.onDelete(),
                                k.onUpdate(),
                                k.deferrable(),
                                k.initiallyDeferred()))
                        .toList())
                .withChecks(t.checks().stream()
                        .map(c -> new CheckConstraint(c.name(), SqlIdentifiers.rename(c.expression(), from, to)))
                        .toList())
                .withIndexes(t.indexes().stream()
                        .map(i -> new Index(
                                i.name(),
                                i.unique(),
                                i.keys().stream().map(this::rename).toList(),
                                i.method(),
                                i.predicate() == null ? null : SqlIdentifiers.rename(i.predicate(), from, to)))
                        .toList());
    }

    /** Foreign keys anywhere that point at the renamed column. */
    private Table renameTargets(Table t) {
        return t.withForeignKeys(t.foreignKeys().stream()
                .map(k -> k.target().equals(table)
                        ? new ForeignKey(
                                k.name(),
                                k.columns(),
                                k.target(),
                                rename(k.targetColumns()),
                                k.onDelete(),
                                k.onUpdate(),
                                k.deferrable(),
                                k.initiallyDeferred())
                        : k)
                .toList());
    }

    private IndexKey rename(IndexKey key) {
        return key.expression()
                ? new IndexKey(SqlIdentifiers.rename(key.text(), from, to), true, key.descending())
                : new IndexKey(key.text().equals(from) ? to : key.text(), false, key.descending());
    }

    private List<String> rename(List<String> columns) {
        return columns.stream().map(c -> c.equals(from) ? to : c).toList();
    }

    @Override
    public RenameColumn reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameColumn(this);
    }
}
