package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks one migration's operations in order and tells which work on a table that was there before the
 * migration: not one it creates (and then perhaps renames or moves), which has no rows and no traffic yet.
 */
public final class ExistingTables {

    private final Set<QualifiedName> created = new HashSet<>();

    /** Whether {@code operation}, the next in order, works on a table that existed before the migration. */
    public boolean next(Operation operation) {
        boolean existing = TableOf.of(operation).map(t -> !created.contains(t)).orElse(false);
        if (operation instanceof CreateTable create) {
            created.add(create.table().name());
        } else if (operation instanceof RenameTable rename && created.contains(rename.table())) {
            created.add(rename.renamed());
        } else if (operation instanceof SetTableSchema move && created.contains(move.table())) {
            created.add(move.moved());
        }
        return existing;
    }
}
