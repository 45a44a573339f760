package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * The values a column can hold because of the Java attribute mapped to it (an enum's constants, a
 * boolean's two), each as the current mapping stores it: what a change of the column's type must keep the
 * meaning of, value by value.
 *
 * @param enumeration whether the values are an enum's constants (in declaration order), else a boolean's
 *     ({@code true}, {@code false})
 * @param names the values' names: the constants', or {@code true} and {@code false}
 * @param stored each value as an SQL literal, as the current mapping stores it
 */
public record ValueDomain(
        QualifiedName table, String column, boolean enumeration, List<String> names, List<String> stored)
        implements java.io.Serializable {

    public ValueDomain {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        names = List.copyOf(names);
        stored = List.copyOf(stored);
        if (names.size() != stored.size()) {
            throw new IllegalArgumentException("each value needs its stored form");
        }
    }
}
