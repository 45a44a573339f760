package dev.autogen.internal.diff;

import dev.autogen.internal.schema.QualifiedName;
import java.util.Objects;

/**
 * A table or a column taken as renamed, and why it was.
 *
 * @param table the table (a table rename: the table renamed; a column rename: the table as it is named
 *     before any rename)
 * @param column the column renamed, or {@code null} for a table rename
 * @param to the new name, in the same schema or table
 * @param why the reason, a sentence said beside the rename in the generated code
 */
public record Rename(QualifiedName table, String column, String to, String why) {

    public Rename {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(why, "why");
    }

    public boolean ofTable() {
        return column == null;
    }
}
