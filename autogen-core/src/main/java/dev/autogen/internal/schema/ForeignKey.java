package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/** A foreign key; {@code name} is {@code null} when the database names it. */
public record ForeignKey(
        String name,
        List<String> columns,
        QualifiedName target,
        List<String> targetColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        boolean deferrable,
        boolean initiallyDeferred)
        implements Constraint {

    public ForeignKey {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        if (columns.isEmpty() || columns.size() != targetColumns.size()) {
            throw new IllegalArgumentException(
                    "foreign key columns " + columns + " do not match target columns " + targetColumns);
        }
    }

    /** A plain foreign key: no action on delete or update, not deferrable. */
    public static ForeignKey of(String name, List<String> columns, QualifiedName target, List<String> targetColumns) {
        return new ForeignKey(
                name,
                columns,
                target,
                targetColumns,
                ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION,
                false,
                false);
    }

    @Override
    public ForeignKey withName(String newName) {
        return new ForeignKey(
                newName, columns, target, targetColumns, onDelete, onUpdate, deferrable, initiallyDeferred);
    }
}
