package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * @param instantly as a change of the table's definition alone, failing rather than copying the table
 *     ({@code algorithm=instant} on MariaDB; PostgreSQL's plain form)
 */
public record DropColumn(QualifiedName table, Column column, boolean instantly) implements Operation {

    public DropColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    public DropColumn(QualifiedName table, Column column) {
        this(table, column, false);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withColumns(Edits.minus(t.columns(), column)));
    }

    @Override
    public AddColumn reverse() {
        return new AddColumn(table, column, instantly);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }
}
