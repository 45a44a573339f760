package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * Makes a nullable column NOT NULL through a named constraint added not valid (PostgreSQL 18 and later): new
 * rows are checked at once, after a moment's lock; the rows already there are checked by a {@link
 * ValidateConstraint} later, while writes go on.
 *
 * @param column the column as it is, nullable
 */
public record AddNotNullNotValid(QualifiedName table, Column column, String constraint) implements Operation {

    public AddNotNullNotValid {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(constraint, "constraint");
        if (!column.nullable()) {
            throw new IllegalArgumentException("column " + column.name() + " of " + table + " is already not null");
        }
    }

    /** The column once it is NOT NULL. */
    public Column notNull() {
        return column.withNotNullConstraint(constraint);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return new AlterColumn(table, column, notNull()).applyTo(schema);
    }

    @Override
    public AlterColumn reverse() {
        return new AlterColumn(table, notNull(), column);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addNotNullNotValid(this);
    }
}
