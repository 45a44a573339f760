package dev.autogen.internal.schema;

import java.util.Objects;

/** A sequence that is not owned by an identity column. */
public record Sequence(
        QualifiedName name, String dataType, long start, long increment, long min, long max, long cache, boolean cycle)
        implements java.io.Serializable {

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        if (increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " has increment 0");
        }
    }

    /**
     * A sequence with PostgreSQL's defaults for everything but start and increment: {@code bigint},
     * ascending from 1 (or descending from -1) to the type's limit, cache 1, no cycle.
     */
    public static Sequence withDefaults(QualifiedName name, long start, long increment) {
        return increment > 0
                ? new Sequence(name, "bigint", start, increment, 1, Long.MAX_VALUE, 1, false)
                : new Sequence(name, "bigint", start, increment, Long.MIN_VALUE, -1, 1, false);
    }
}
