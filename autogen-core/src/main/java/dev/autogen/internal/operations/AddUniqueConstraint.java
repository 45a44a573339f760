package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.Objects;

/**
 * Adds a unique constraint. {@code concurrently}: its index is built first while writes go on, outside the
 * migration's transaction, and the constraint then takes it over, which needs a lock only for a moment.
 */
public record AddUniqueConstraint(QualifiedName table, UniqueConstraint constraint, boolean concurrently)
        implements Operation {

    public AddUniqueConstraint(QualifiedName table, UniqueConstraint constraint) {
        this(table, constraint, false);
    }

    public AddUniqueConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
        Edits.requireNamed(table, constraint);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withUniqueConstraints(Edits.plus(t.uniqueConstraints(), constraint)));
    }

    @Override
    public DropConstraint reverse() {
        return new DropConstraint(table, constraint);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addUniqueConstraint(this);
    }
}
