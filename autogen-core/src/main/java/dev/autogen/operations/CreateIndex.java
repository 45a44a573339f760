package dev.autogen.operations;

import dev.autogen.schema.Index;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import java.util.Objects;

public record CreateIndex(QualifiedName table, Index index) implements Operation {

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
        return new DropIndex(table, index);
    }
}
