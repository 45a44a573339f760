package dev.autogen.internal.operations;

import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.Schema;
import java.util.List;
import java.util.Objects;

/**
 * Changes the labels of an enum type in place, never by dropping a type that columns use: new labels are
 * added where they belong; removing or reordering labels renames the old type away, creates the new one,
 * moves {@code columns} over and drops the old one.
 */
public record AlterEnumType(EnumType from, EnumType to, List<ColumnRef> columns) implements Operation {

    public AlterEnumType {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        columns = List.copyOf(columns);
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alter enum type cannot rename " + from.name());
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.withEnumTypes(Edits.replace(schema.enumTypes(), e -> e.equals(from), to));
    }

    @Override
    public AlterEnumType reverse() {
        return new AlterEnumType(to, from, columns);
    }

    /** Whether the new labels only add to the old ones, keeping their order: then nothing is rebuilt. */
    public boolean onlyAddsLabels() {
        int next = 0;
        for (String label : to.labels()) {
            if (next < from.labels().size() && from.labels().get(next).equals(label)) {
                next++;
            }
        }
        return next == from.labels().size();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterEnumType(this);
    }
}
