package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index that does not back a constraint.
 *
 * @param method access method ({@code btree}, {@code gin}, ...)
 * @param predicate canonical {@code WHERE} expression of a partial index, or {@code null}
 */
public record Index(String name, boolean unique, List<IndexKey> keys, String method, String predicate)
        implements java.io.Serializable {

    public static final String DEFAULT_METHOD = "btree";

    public Index {
        keys = List.copyOf(keys);
        Objects.requireNonNull(method, "method");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one key");
        }
    }
}
