package dev.autogen.internal.schema;

import java.util.List;

/** A unique constraint; {@code name} is {@code null} when the database names it. */
public record UniqueConstraint(String name, List<String> columns) implements Constraint {

    public UniqueConstraint {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a unique constraint needs at least one column");
        }
    }

    @Override
    public UniqueConstraint withName(String newName) {
        return new UniqueConstraint(newName, columns);
    }
}
