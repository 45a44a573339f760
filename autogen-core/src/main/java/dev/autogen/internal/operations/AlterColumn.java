package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/** Changes a column's type, nullability, default, identity or comment; {@code from} is what it was. */
public record AlterColumn(QualifiedName table, Column from, Column to) implements Operation {

    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alter column cannot rename " + from.name() + " to " + to.name());
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withColumns(Edits.replace(t.columns(), c -> c.equals(from), to)));
    }

    @Override
    public AlterColumn reverse() {
        return new AlterColumn(table, to, from);
    }

    public boolean typeChanged() {
        return !from.type().equals(to.type());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterColumn(this);
    }
}
