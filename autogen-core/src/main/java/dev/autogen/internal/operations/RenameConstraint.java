package dev.autogen.internal.operations;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Renames a constraint whose definition stays: nothing is validated again and no lock is held beyond the
 * catalog change, where dropping and adding it would check every row.
 */
public record RenameConstraint(QualifiedName table, String from, String to) implements Operation {

    public RenameConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, this::renameIn);
    }

    private Table renameIn(Table t) {
        Constraint found = t.constraints().stream()
                .filter(c -> from.equals(c.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no constraint " + from + " on " + table));
        UnaryOperator<Constraint> rename = c -> from.equals(c.name()) ? c.withName(to) : c;
        if (found instanceof PrimaryKey key) {
            return t.withPrimaryKey((PrimaryKey) key.withName(to));
        } else if (found instanceof UniqueConstraint) {
            return t.withUniqueConstraints(t.uniqueConstraints().stream()
                    .map(u -> (UniqueConstraint) rename.apply(u))
                    .toList());
        } else if (found instanceof ForeignKey) {
            return t.withForeignKeys(t.foreignKeys().stream()
                    .map(k -> (ForeignKey) rename.apply(k))
                    .toList());
        } else {
            return t.withChecks(t.checks().stream()
                    .map(c -> (CheckConstraint) rename.apply(c))
                    .toList());
        }
    }

    @Override
    public RenameConstraint reverse() {
        return new RenameConstraint(table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameConstraint(this);
    }
}
