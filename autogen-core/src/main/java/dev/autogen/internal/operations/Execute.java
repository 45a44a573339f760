package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;

/**
 * Raw SQL that the model does not see, with the SQL that undoes it. Either may be {@code null} (nothing
 * runs in that direction), not both. It leaves the in-memory model as it is.
 */
public record Execute(String sql, String reverseSql) implements Operation {

    public Execute {
        if (sql == null && reverseSql == null) {
            throw new IllegalArgumentException("execute needs SQL in at least one direction");
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema;
    }

    @Override
    public Execute reverse() {
        return new Execute(reverseSql, sql);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.execute(this);
    }
}
