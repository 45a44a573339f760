package dev.autogen.operations;

import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import java.util.Objects;
import java.util.Optional;

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
    public Optional<String> dataLoss() {
        return Optional.of("drops sequence " + sequence.name() + " and its current value");
    }
}
