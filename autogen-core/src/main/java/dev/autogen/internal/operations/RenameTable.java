package dev.autogen.internal.operations;

import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/**
 * Renames a table within its schema, keeping its rows; foreign keys that point at it follow it, and the
 * sequences its identity columns own take the names PostgreSQL gives a new table's.
 */
public record RenameTable(QualifiedName table, String to) implements Operation {

    public RenameTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(to, "to");
    }

    public QualifiedName renamed() {
        return new QualifiedName(table.schema(), to);
    }

    @Override
    public Schema applyTo(Schema model) {
        Table found =
                model.table(table).orElseThrow(() -> new IllegalStateException("no table " + table + " to rename"));
        if (model.table(renamed()).isPresent()) {
            throw new IllegalStateException("a table " + renamed() + " exists already");
        }
        return model.withTables(model.tables().stream()
                .map(t -> t == found ? t.withName(renamed()) : t)
                .map(t -> t.withForeignKeys(t.foreignKeys().stream()
                        .map(k -> k.target().equals(table) ? retarget(k) : k)
                        .toList()))
                .toList());
    }

    private ForeignKey retarget(ForeignKey k) {
        return new ForeignKey(
                k.name(),
                k.columns(),
                renamed(),
                k.targetColumns(),
                k.onDelete(),
                k.onUpdate(),
                k.deferrable(),
                k.initiallyDeferred());
    }

    @Override
    public RenameTable reverse() {
        return new RenameTable(renamed(), table.name());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameTable(this);
    }
}
