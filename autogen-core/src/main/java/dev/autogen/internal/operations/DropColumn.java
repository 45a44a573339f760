package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record DropColumn(QualifiedName table, Column column) implements Operation {

    public DropColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withColumns(Edits.minus(t.columns(), column)));
    }

    @Override
    public AddColumn reverse() {
        return new AddColumn(table, column);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }
}
