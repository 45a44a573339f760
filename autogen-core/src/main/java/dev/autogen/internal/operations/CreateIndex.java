package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * Creates an index. {@code concurrently}: built while writes go on, outside the migration's transaction,
 * after dropping what a failed build of the same index left behind.
 */
public record CreateIndex(QualifiedName table, Index index, boolean concurrently) implements Operation {

    public CreateIndex(QualifiedName table, Index index) {
        this(table, index, false);
    }

    public CreateIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(index.name(), "index name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withIndexes(Edits.plus(t.indexes(), index)));
    }

    @Override
    public DropIndex reverse() {
        return new DropIndex(table, index, concurrently);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createIndex(this);
    }
}
