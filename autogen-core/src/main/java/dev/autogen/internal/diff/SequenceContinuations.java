package dev.autogen.internal.diff;

import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.ColumnRef;
import dev.autogen.internal.operations.CreateSequence;
import dev.autogen.internal.operations.DropSequence;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.SequenceUse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sequence created for a table that already has rows starts at 1 and hands out ids the table holds:
 * the next insert collides. Each created sequence that an entity's generator draws from, for a table that
 * exists, continues past the values stored in its column; each dropped one that gives way to an identity
 * in the same change does so when the change is undone.
 */
final class SequenceContinuations {

    private SequenceContinuations() {}

    static List<Operation> apply(List<Operation> operations, Schema current, List<SequenceUse> uses) {
        // The tables there before the change, under the names they have after it.
        Set<QualifiedName> existing = new HashSet<>();
        current.tables().forEach(t -> existing.add(t.name()));
        operations.stream()
                .filter(SetTableSchema.class::isInstance)
                .map(SetTableSchema.class::cast)
                .forEach(move -> existing.add(move.moved()));
        List<ColumnRef> becomingIdentities = operations.stream()
                .filter(AlterColumn.class::isInstance)
                .map(AlterColumn.class::cast)
                .filter(a -> a.from().identity() == Identity.NONE && a.to().identity() != Identity.NONE)
                .map(a -> new ColumnRef(a.table(), a.to().name()))
                .toList();
        long dropped =
                operations.stream().filter(DropSequence.class::isInstance).count();
        List<Operation> result = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof CreateSequence create
                    && create.pastValuesOf().isEmpty()) {
                List<ColumnRef> fed = uses.stream()
                        .filter(u -> u.sequence().equals(create.sequence().name()))
                        .filter(u -> existing.contains(u.table()))
                        .map(u -> new ColumnRef(u.table(), u.column()))
                        .toList();
                result.add(fed.isEmpty() ? create : new CreateSequence(create.sequence(), fed));
            } else if (operation instanceof DropSequence drop
                    && drop.pastValuesOf().isEmpty()) {
                List<ColumnRef> fed = fedBefore(drop.sequence().name(), becomingIdentities, dropped);
                result.add(fed.isEmpty() ? drop : new DropSequence(drop.sequence(), fed));
            } else {
                result.add(operation);
            }
        }
        return result;
    }

    /**
     * What a dropped sequence fed: the database does not record it, and the entities no longer say. A column
     * that becomes an identity in the same change took over from it when the sequence bears that table's
     * name the way Hibernate names a generator's sequence ({@code <table>_seq}), or when the change drops
     * one sequence and makes one identity.
     */
    private static List<ColumnRef> fedBefore(QualifiedName sequence, List<ColumnRef> identities, long dropped) {
        List<ColumnRef> named = identities.stream()
                .filter(c -> c.table().schema().equals(sequence.schema())
                        && sequence.name().equals(c.table().name() + "_seq"))
                .toList();
        if (!named.isEmpty()) {
            return named;
        }
        return dropped == 1 && identities.size() == 1 ? identities : List.of();
    }
}
