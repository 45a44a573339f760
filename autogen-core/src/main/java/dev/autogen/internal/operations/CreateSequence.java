package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import java.util.List;
import java.util.Objects;

/**
 * Creates a sequence. {@code pastValuesOf} are the columns it feeds that may already hold values: it then
 * continues past the highest of them, so the next id drawn from it is free.
 */
public record CreateSequence(Sequence sequence, List<ColumnRef> pastValuesOf) implements Operation {

    public CreateSequence {
        Objects.requireNonNull(sequence, "sequence");
        pastValuesOf = List.copyOf(pastValuesOf);
    }

    public CreateSequence(Sequence sequence) {
        this(sequence, List.of());
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withSequences(Edits.plus(schema.sequences(), sequence));
    }

    @Override
    public DropSequence reverse() {
        return new DropSequence(sequence, pastValuesOf);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createSequence(this);
    }
}
