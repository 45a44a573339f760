package dev.autogen.internal.schema;

import java.util.List;

/** A primary key; {@code name} is {@code null} when the database names it. */
public record PrimaryKey(String name, List<String> columns) implements Constraint {

    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }

    @Override
    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns);
    }
}
