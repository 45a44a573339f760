package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/** Renames an index whose definition stays, instead of building it again. */
public record RenameIndex(QualifiedName table, String from, String to) implements Operation {

    public RenameIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, this::renameIn);
    }

    private Table renameIn(Table t) {
        if (t.indexes().stream().noneMatch(i -> from.equals(i.name()))) {
            throw new IllegalStateException("no index " + from + " on " + table);
        }
        return t.withIndexes(t.indexes().stream()
                .map(i -> from.equals(i.name()) ? new Index(to, i.unique(), i.keys(), i.method(), i.predicate()) : i)
                .toList());
    }

    @Override
    public RenameIndex reverse() {
        return new RenameIndex(table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameIndex(this);
    }
}
