package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/** Sets or removes ({@code null}) a table comment; {@code from} is the comment it had. */
public record SetTableComment(QualifiedName table, String from, String to) implements Operation {

    public SetTableComment {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withComment(to));
    }

    @Override
    public SetTableComment reverse() {
        return new SetTableComment(table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.setTableComment(this);
    }
}
