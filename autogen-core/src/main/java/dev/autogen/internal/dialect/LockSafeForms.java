package dev.autogen.internal.dialect;

import dev.autogen.internal.operations.ExistingTables;
import dev.autogen.internal.operations.HeldTables;
import dev.autogen.internal.operations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where a dialect's lock-safe forms apply: to tables that exist before the migration and that it does not
 * hold for a rewrite anyway. A table the migration creates is empty and keeps the plain forms; one it
 * rewrites keeps them too, so that the migration stays all or nothing.
 */
public final class LockSafeForms {

    private LockSafeForms() {}

    /** For each operation, those that carry it out: {@code form}'s where it applies, else itself. */
    public static List<List<Operation>> of(List<Operation> operations, Function<Operation, List<Operation>> form) {
        return of(operations, form, HeldTables.of(operations));
    }

    /**
     * The same where nothing holds a table for the whole migration (MariaDB, which commits each statement
     * on its own): every table that exists takes the forms.
     */
    public static List<List<Operation>> ofEachStatement(
            List<Operation> operations, Function<Operation, List<Operation>> form) {
        return of(operations, form, HeldTables.of(List.of()));
    }

    private static List<List<Operation>> of(
            List<Operation> operations, Function<Operation, List<Operation>> form, HeldTables held) {
        ExistingTables existing = new ExistingTables();
        List<List<Operation>> safe = new ArrayList<>();
        for (Operation operation : operations) {
            boolean existed = existing.next(operation);
            safe.add(existed && !held.holds(operation) ? form.apply(operation) : List.of(operation));
        }
        return safe;
    }
}
