package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import java.util.Objects;

/** A column of a table, named from outside the table. */
public record ColumnRef(QualifiedName table, String column) {

    public ColumnRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
