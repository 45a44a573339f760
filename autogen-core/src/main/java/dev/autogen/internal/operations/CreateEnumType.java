package dev.autogen.internal.operations;

import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record CreateEnumType(EnumType type) implements Operation {

    public CreateEnumType {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withEnumTypes(Edits.plus(schema.enumTypes(), type));
    }

    @Override
    public DropEnumType reverse() {
        return new DropEnumType(type);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createEnumType(this);
    }
}
