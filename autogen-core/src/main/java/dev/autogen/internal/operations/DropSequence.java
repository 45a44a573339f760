package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import java.util.Objects;

public record DropSequence(Sequence sequence) implements Operation {

    public DropSequence {
        Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withSequences(Edits.minus(schema.sequences(), sequence));
    }

    @Override
    public CreateSequence reverse() {
        return new CreateSequence(sequence);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropSequence(this);
    }
}
