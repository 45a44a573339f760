package dev.autogen.internal.operations;

import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Operation {

    public AddPrimaryKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Edits.requireNamed(table, key);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withPrimaryKey(key));
    }

    @Override
    public DropConstraint reverse() {
        return new DropConstraint(table, key);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addPrimaryKey(this);
    }
}
