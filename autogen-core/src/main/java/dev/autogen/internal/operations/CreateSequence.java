package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import java.util.Objects;

public record CreateSequence(Sequence sequence) implements Operation {

    public CreateSequence {
        Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withSequences(Edits.plus(schema.sequences(), sequence));
    }

    @Override
    public DropSequence reverse() {
        return new DropSequence(sequence);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createSequence(this);
    }
}
