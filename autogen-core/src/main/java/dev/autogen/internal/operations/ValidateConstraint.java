package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * Checks the existing rows against a constraint added not valid, in a transaction of its own: the lock it
 * takes lets reads and writes go on while it scans. The model does not tell valid from not valid, so it
 * stays as it is.
 *
 * @param undone the reverse of a validation, which runs nothing: the constraint goes when its addition is
 *     undone
 */
public record ValidateConstraint(QualifiedName table, String name, boolean undone) implements Operation {

    public ValidateConstraint(QualifiedName table, String name) {
        this(table, name, false);
    }

    public ValidateConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema;
    }

    @Override
    public ValidateConstraint reverse() {
        return new ValidateConstraint(table, name, !undone);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.validateConstraint(this);
    }
}
