package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * Renames a table within its schema, keeping its rows; foreign keys that point at it follow it, and the
 * sequences its identity columns own take the names PostgreSQL gives a new table's.
 */
public record RenameTable(QualifiedName table, String to) implements Operation {

    public RenameTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(to, "to");
    }

    public QualifiedName renamed() {
        return new QualifiedName(table.schema(), to);
    }

    @Override
    public Schema applyTo(Schema model) {
        return Edits.renameTable(model, table, renamed());
    }

    @Override
    public RenameTable reverse() {
        return new RenameTable(renamed(), table.name());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameTable(this);
    }
}
