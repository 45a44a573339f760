package dev.autogen.internal.operations;

import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import java.util.Objects;

/**
 * Adds a foreign key. {@code notValid}: existing rows are not checked now, so the lock is held only for a
 * moment; a {@link ValidateConstraint} checks them later while writes go on. New rows are checked at once.
 */
public record AddForeignKey(QualifiedName table, ForeignKey key, boolean notValid) implements Operation {

    public AddForeignKey(QualifiedName table, ForeignKey key) {
        this(table, key, false);
    }

    public AddForeignKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Edits.requireNamed(table, key);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withForeignKeys(Edits.plus(t.foreignKeys(), key)));
    }

    @Override
    public DropConstraint reverse() {
        return new DropConstraint(table, key);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addForeignKey(this);
    }
}
