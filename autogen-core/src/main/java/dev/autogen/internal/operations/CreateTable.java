package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/** Creates a table with its columns and its primary key, unique and check constraints; indexes and foreign keys follow as operations of their own. */
public record CreateTable(Table table) implements Operation {

    public CreateTable {
        Objects.requireNonNull(table, "table");
        if (!table.foreignKeys().isEmpty() || !table.indexes().isEmpty()) {
            throw new IllegalArgumentException(
                    "create table " + table.name() + " carries foreign keys or indexes; add them separately");
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withTables(Edits.plus(schema.tables(), table));
    }

    @Override
    public DropTable reverse() {
        return new DropTable(table);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createTable(this);
    }
}
