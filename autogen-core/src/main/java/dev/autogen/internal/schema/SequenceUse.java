package dev.autogen.internal.schema;

import java.util.Objects;

/**
 * A sequence whose values are stored in a column: Hibernate draws an entity's ids from it. A sequence
 * created for a table that already has rows must start past them.
 */
public record SequenceUse(QualifiedName sequence, QualifiedName table, String column) implements java.io.Serializable {

    public SequenceUse {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
