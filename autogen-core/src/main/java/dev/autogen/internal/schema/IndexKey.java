package dev.autogen.internal.schema;

import java.util.Objects;

/**
 * One key of an index: a column, or an expression.
 *
 * @param text the column name, or the canonical expression when {@code expression} is true
 */
public record IndexKey(String text, boolean expression, boolean descending) implements java.io.Serializable {

    public IndexKey {
        Objects.requireNonNull(text, "text");
    }

    public static IndexKey column(String name) {
        return new IndexKey(name, false, false);
    }
}
