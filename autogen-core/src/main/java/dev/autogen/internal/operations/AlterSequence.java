package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import java.util.Objects;

/** Changes a sequence's options; its current value is kept. */
public record AlterSequence(Sequence from, Sequence to) implements Operation {

    public AlterSequence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alter sequence cannot rename " + from.name());
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withSequences(Edits.replace(schema.sequences(), s -> s.equals(from), to));
    }

    @Override
    public AlterSequence reverse() {
        return new AlterSequence(to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterSequence(this);
    }
}
