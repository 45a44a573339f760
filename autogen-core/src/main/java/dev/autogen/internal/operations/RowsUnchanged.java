package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether the rows that a proof of {@code operation} reads are, before the operation, as they were before
 * its migration began: then the proof can run first, before anything of the migration takes a lock or
 * commits. Raw SQL and Java steps may change any row, so nothing after them is proven first.
 */
public final class RowsUnchanged {

    private RowsUnchanged() {}

    public static boolean before(Operation operation, List<Operation> before, TypeChanges types) {
        Set<QualifiedName> read = new HashSet<>();
        TableOf.of(operation).ifPresent(read::add);
        for (Operation earlier : before) {
            if (earlier instanceof AddForeignKey key && TableOf.of(operation).equals(TableOf.of(key))) {
                read.add(key.key().target());
            }
        }
        for (Operation earlier : before) {
            boolean touches = TableOf.of(earlier).map(read::contains).orElse(true);
            if (touches && !keepsRows(earlier, types)) {
                return false;
            }
        }
        return true;
    }

    /** Operations that change what is known of a table's rows, never the rows themselves. */
    private static boolean keepsRows(Operation operation, TypeChanges types) {
        if (operation instanceof AlterColumn alter) {
            return (!alter.typeChanged()
                            || types.keepsEveryValue(
                                    alter.from().type(), alter.to().type()))
                    && alter.using() == null
                    && Objects.equals(alter.from().defaultValue(), alter.to().defaultValue())
                    && Objects.equals(alter.from().generatedAs(), alter.to().generatedAs())
                    && alter.from().virtual() == alter.to().virtual();
        }
        return operation instanceof AddCheckConstraint
                || operation instanceof AddForeignKey
                || operation instanceof ValidateConstraint
                || operation instanceof CreateIndex
                || operation instanceof DropIndex
                || operation instanceof AddUniqueConstraint
                || operation instanceof DropConstraint
                || operation instanceof RenameIndex
                || operation instanceof RenameConstraint
                || operation instanceof SetTableComment;
    }
}
