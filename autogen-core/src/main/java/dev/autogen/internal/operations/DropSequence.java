package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import java.util.List;
import java.util.Objects;

/**
 * Drops a sequence. {@code pastValuesOf} are the columns it fed: undone, the sequence is created again
 * past the highest value they hold by then.
 */
public record DropSequence(Sequence sequence, List<ColumnRef> pastValuesOf) implements Operation {

    public DropSequence {
        Objects.requireNonNull(sequence, "sequence");
        pastValuesOf = List.copyOf(pastValuesOf);
    }

    public DropSequence(Sequence sequence) {
        this(sequence, List.of());
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withSequences(Edits.minus(schema.sequences(), sequence));
    }

    @Override
    public CreateSequence reverse() {
        return new CreateSequence(sequence, pastValuesOf);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropSequence(this);
    }
}
