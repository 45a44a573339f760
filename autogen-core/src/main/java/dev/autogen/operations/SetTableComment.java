package dev.autogen.operations;

import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
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
}
