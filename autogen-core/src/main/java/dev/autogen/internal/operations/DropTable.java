package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.Objects;

/**
 * Drops a table, and with it its indexes and its own foreign keys, which it carries to build them again
 * when undone. Foreign keys of other tables that point at it are dropped before it.
 */
public record DropTable(Table table) implements Operation {

    public DropTable {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.minusTable(table);
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
