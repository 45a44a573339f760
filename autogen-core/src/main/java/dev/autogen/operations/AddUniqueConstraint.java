package dev.autogen.operations;

import dev.autogen.schema.UniqueConstraint;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import java.util.Objects;

public record AddUniqueConstraint(QualifiedName table, UniqueConstraint constraint) implements Operation {

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
}
