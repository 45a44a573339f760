package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * A check constraint; {@code name} is {@code null} when the database names it.
 *
 * @param expression canonical boolean expression, without the surrounding {@code CHECK (...)}
 */
public record CheckConstraint(String name, String expression) implements Constraint {

    public CheckConstraint {
        Objects.requireNonNull(expression, "expression");
    }

    @Override
    public CheckConstraint withName(String newName) {
        return new CheckConstraint(newName, expression);
    }

    @Override
    public List<String> columns() {
        return List.of();
    }
}
