package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * The values a column can hold because of the Java attribute mapped to it, each as the current mapping
 * stores it: what a change of the column's type must keep the meaning of, value by value.
 *
 * @param kind what the attribute is
 * @param names the values' names: an enum's constants (in declaration order), {@code true} and
 *     {@code false}; for a {@code Duration}, {@code PT1S}; for a {@code UUID}, one probe value
 * @param stored each value as an SQL literal, as Hibernate stores it: the enum's or boolean's under the
 *     current mapping; a {@code Duration}'s second as a number (what a numeric column holds for it); the
 *     probe {@code UUID} as binary (what a binary column holds for it)
 */
public record ValueDomain(QualifiedName table, String column, Kind kind, List<String> names, List<String> stored)
        implements java.io.Serializable {

    public enum Kind {
        ENUM,
        BOOLEAN,
        DURATION,
        UUID
    }

    public ValueDomain {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        stored = List.copyOf(stored);
        if (names.size() != stored.size()) {
            throw new IllegalArgumentException("each value needs its stored form");
        }
    }

    /** Whether the values are an enum's constants. */
    public boolean enumeration() {
        return kind == Kind.ENUM;
    }

    /** Whether the domain is finite: an enum's constants or a boolean's two values. */
    public boolean finite() {
        return kind == Kind.ENUM || kind == Kind.BOOLEAN;
    }
}
