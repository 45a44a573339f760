package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/**
 * Creates a table with its columns and its primary key, unique and check constraints. One the differ
 * creates gets its indexes and foreign keys as operations of their own; one that undoes a drop carries
 * them, and they are built with it.
 */
public record CreateTable(Table table) implements Operation {

    public CreateTable {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.plusTable(table);
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
