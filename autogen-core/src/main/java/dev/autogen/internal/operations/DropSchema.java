package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/** Drops an empty schema; its tables are dropped by operations of their own before it. */
public record DropSchema(String name) implements Operation {

    public DropSchema {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withNamespaces(Edits.minus(schema.namespaces(), name));
    }

    @Override
    public CreateSchema reverse() {
        return new CreateSchema(name);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropSchema(this);
    }
}
