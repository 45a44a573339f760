package dev.autogen.operations;

import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import java.util.Objects;

public record AddForeignKey(QualifiedName table, ForeignKey key) implements Operation {

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
}
