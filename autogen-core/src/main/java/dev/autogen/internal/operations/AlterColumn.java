package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.Definitions;
import java.util.List;
import java.util.Objects;

/**
 * Changes a column's type, nullability, default, identity or comment; {@code from} is what it was.
 *
 * @param using how an old value becomes a new one when the type changes: an SQL expression over the
 *     column, or {@code null} for the dialect's conversion (which fails rather than alter a value)
 * @param reverseUsing the conversion back, when the way back is known too (autogenerate knows it for a
 *     column whose values keep their meaning one by one); {@code null} when it is not. A migration's own
 *     downgrade says it in its own call, so only operations made in memory carry it
 */
public record AlterColumn(QualifiedName table, Column from, Column to, String using, String reverseUsing)
        implements Operation {

    public AlterColumn(QualifiedName table, Column from, Column to) {
        this(table, from, to, null, null);
    }

    public AlterColumn(QualifiedName table, Column from, Column to, String using) {
        this(table, from, to, using, null);
    }

    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alter column cannot rename " + from.name() + " to " + to.name());
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withColumns(Edits.replace(t.columns(), c -> c.equals(from), to)));
    }

    /**
     * The way back: by the conversion back when it is known. Otherwise a conversion given for the way there
     * says nothing of the way back, so it is not kept;
     * one still to be written is still to be written: types with no cast one way rarely have one back.
     */
    @Override
    public AlterColumn reverse() {
        if (reverseUsing != null) {
            return new AlterColumn(table, to, from, reverseUsing, using);
        }
        return new AlterColumn(table, to, from, conversionToWrite() ? using : null);
    }

    /** Whether the values are converted one way and no conversion back is known. */
    public boolean lacksReverseConversion() {
        return using != null && reverseUsing == null;
    }

    /**
     * This change with the conversion back that {@code opposite} (the migration's other direction) writes
     * for it, where it writes one: the same column's change the other way, converting.
     */
    public AlterColumn withReverseConversionFrom(List<Operation> opposite) {
        for (Operation op : opposite) {
            if (op instanceof AlterColumn back
                    && back.using() != null
                    && back.table().equals(table)
                    && back.from().equals(to)
                    && back.to().equals(from)) {
                return new AlterColumn(table, from, to, using, back.using());
            }
        }
        return this;
    }

    /** Whether the conversion is a placeholder for the author to replace. */
    public boolean conversionToWrite() {
        return Definitions.conversionToWrite().equals(using);
    }

    public boolean typeChanged() {
        return !from.type().equals(to.type());
    }

    /**
     * Whether rows holding null in the column get a value before it becomes not null: the new default's,
     * or, for a column becoming serial, the next of its new sequence.
     */
    public boolean fillsNulls() {
        return to.defaultValue() != null || (to.identity() == Identity.SERIAL && from.identity() != Identity.SERIAL);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterColumn(this);
    }
}
