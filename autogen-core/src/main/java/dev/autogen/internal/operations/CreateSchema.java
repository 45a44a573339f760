package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record CreateSchema(String name) implements Operation {

    public CreateSchema {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withNamespaces(Edits.plus(schema.namespaces(), name));
    }

    @Override
    public DropSchema reverse() {
        return new DropSchema(name);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createSchema(this);
    }
}
