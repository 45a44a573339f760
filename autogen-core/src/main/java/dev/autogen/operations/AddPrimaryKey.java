package dev.autogen.operations;

import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import java.util.Objects;

public record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Operation {

    public AddPrimaryKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Edits.requireNamed(table, key);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withPrimaryKey(key));
    }

    @Override
    public DropConstraint reverse() {
        return new DropConstraint(table, key);
    }
}
