package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import java.util.Objects;

/**
 * A column of a table, named from outside the table.
 *
 * @param defaultValue the column's default, or {@code null}: a column whose type is rebuilt loses it
 *     meanwhile and gets it back
 */
public record ColumnRef(QualifiedName table, String column, String defaultValue) {

    public ColumnRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    public ColumnRef(QualifiedName table, String column) {
        this(table, column, null);
    }
}
