package dev.autogen.schema;

import java.util.Objects;

/**
 * A check constraint; {@code name} is {@code null} when the database names it.
 *
 * @param expression canonical boolean expression, without the surrounding {@code CHECK (...)}
 */
public record CheckConstraint(String name, String expression) {

    public CheckConstraint {
        Objects.requireNonNull(expression, "expression");
    }
}
