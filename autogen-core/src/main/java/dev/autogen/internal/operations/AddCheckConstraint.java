package dev.autogen.internal.operations;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

public record AddCheckConstraint(QualifiedName table, CheckConstraint check) implements Operation {

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
