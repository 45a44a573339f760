package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record DropIndex(QualifiedName table, Index index) implements Operation {

    public DropIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(index.name(), "index name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withIndexes(Edits.minus(t.indexes(), index)));
    }

    @Override
    public CreateIndex reverse() {
        return new CreateIndex(table, index);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }
}
