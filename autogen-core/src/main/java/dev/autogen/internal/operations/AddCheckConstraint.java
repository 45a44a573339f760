package dev.autogen.internal.operations;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * Adds a check constraint. {@code notValid}: existing rows are not checked now, so the lock is held only
 * for a moment; a {@link ValidateConstraint} checks them later while writes go on. New rows are checked at once.
 */
public record AddCheckConstraint(QualifiedName table, CheckConstraint check, boolean notValid) implements Operation {

    /** How the name of a check added only to prove a column holds no null ends. */
    public static final String PROOF_SUFFIX = "_not_null_proof";

    public AddCheckConstraint(QualifiedName table, CheckConstraint check) {
        this(table, check, false);
    }

    /** Whether this check is there only to prove a column holds no null, before {@code set not null}. */
    public boolean provesNotNull() {
        return check.name().endsWith(PROOF_SUFFIX);
    }

    public AddCheckConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(check, "check");
        Edits.requireNamed(table, check);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withChecks(Edits.plus(t.checks(), check)));
    }

    @Override
    public DropConstraint reverse() {
        return new DropConstraint(table, check);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addCheckConstraint(this);
    }
}
