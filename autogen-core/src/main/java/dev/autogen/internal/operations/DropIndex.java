package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/** Drops an index. {@code concurrently}: without blocking reads and writes, outside the migration's transaction. */
public record DropIndex(QualifiedName table, Index index, boolean concurrently) implements Operation {

    public DropIndex(QualifiedName table, Index index) {
        this(table, index, false);
    }

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
        return new CreateIndex(table, index, concurrently);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }
}
