package dev.autogen.operations;

import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
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
}
