package dev.autogen.internal.operations;

import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/**
 * Moves a table to another schema with its rows, constraints, indexes and identity sequences; foreign keys
 * that point at it follow it.
 */
public record SetTableSchema(QualifiedName table, String schema) implements Operation {

    public SetTableSchema {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(schema, "schema");
    }

    public QualifiedName moved() {
        return new QualifiedName(schema, table.name());
    }

    @Override
    public Schema applyTo(Schema model) {
        Table found = model.table(table).orElseThrow(() -> new IllegalStateException("no table " + table + " to move"));
        if (model.table(moved()).isPresent()) {
            throw new IllegalStateException("a table " + moved() + " exists already");
        }
        return model.withTables(model.tables().stream()
                .map(t -> t == found ? t.withName(moved()) : t)
                .map(t -> t.withForeignKeys(t.foreignKeys().stream()
                        .map(k -> k.target().equals(table) ? retarget(k) : k)
                        .toList()))
                .toList());
    }

    private ForeignKey retarget(ForeignKey k) {
        return new ForeignKey(
                k.name(),
                k.columns(),
                moved(),
                k.targetColumns(),
                k.onDelete(),
                k.onUpdate(),
                k.deferrable(),
                k.initiallyDeferred());
    }

    @Override
    public SetTableSchema reverse() {
        return new SetTableSchema(moved(), table.schema());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.setTableSchema(this);
    }
}
