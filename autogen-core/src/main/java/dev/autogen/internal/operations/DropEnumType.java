package dev.autogen.internal.operations;

import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/** Drops an enum type that no column uses any more. */
public record DropEnumType(EnumType type) implements Operation {

    public DropEnumType {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withEnumTypes(Edits.minus(schema.enumTypes(), type));
    }

    @Override
    public CreateEnumType reverse() {
        return new CreateEnumType(type);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropEnumType(this);
    }
}
