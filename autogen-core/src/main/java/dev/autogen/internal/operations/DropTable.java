package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/** Drops a table; its indexes and foreign keys have been dropped before it, so it carries none. */
public record DropTable(Table table) implements Operation {

    public DropTable {
        Objects.requireNonNull(table, "table");
        if (!table.foreignKeys().isEmpty() || !table.indexes().isEmpty()) {
            throw new IllegalArgumentException(
                    "drop table " + table.name() + " carries foreign keys or indexes; drop them separately");
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withTables(Edits.minus(schema.tables(), table));
    }

    @Override
    public CreateTable reverse() {
        return new CreateTable(table);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropTable(this);
    }
}
