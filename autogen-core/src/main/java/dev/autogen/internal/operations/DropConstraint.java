package dev.autogen.internal.operations;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.Objects;

/** Drops a primary key, unique, foreign key or check constraint, keeping it whole to add it back. */
public record DropConstraint(QualifiedName table, Constraint constraint) implements Operation {

    public DropConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
        if (constraint.name() == null) {
            throw new IllegalArgumentException("a constraint dropped from " + table + " needs its name");
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, this::without);
    }

    private Table without(Table t) {
        if (constraint instanceof PrimaryKey) {
            if (!constraint.equals(t.primaryKey())) {
                throw new IllegalStateException(constraint + " is not the primary key of " + table);
            }
            return t.withPrimaryKey(null);
        } else if (constraint instanceof UniqueConstraint unique) {
            return t.withUniqueConstraints(Edits.minus(t.uniqueConstraints(), unique));
        } else if (constraint instanceof ForeignKey key) {
            return t.withForeignKeys(Edits.minus(t.foreignKeys(), key));
        } else {
            return t.withChecks(Edits.minus(t.checks(), (CheckConstraint) constraint));
        }
    }

    @Override
    public Operation reverse() {
        if (constraint instanceof PrimaryKey key) {
            return new AddPrimaryKey(table, key);
        } else if (constraint instanceof UniqueConstraint unique) {
            return new AddUniqueConstraint(table, unique);
        } else if (constraint instanceof ForeignKey key) {
            return new AddForeignKey(table, key);
        } else {
            return new AddCheckConstraint(table, (CheckConstraint) constraint);
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropConstraint(this);
    }
}
