package dev.autogen.internal.operations;

import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record AddForeignKey(QualifiedName table, ForeignKey key) implements Operation {

    public AddForeignKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Edits.requireNamed(table, key);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withForeignKeys(Edits.plus(t.foreignKeys(), key)));
    }

    @Override
    public DropConstraint reverse() {
        return new DropConstraint(table, key);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addForeignKey(this);
    }
}
