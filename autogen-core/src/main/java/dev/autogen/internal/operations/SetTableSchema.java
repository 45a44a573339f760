package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
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
        return Edits.renameTable(model, table, moved());
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
