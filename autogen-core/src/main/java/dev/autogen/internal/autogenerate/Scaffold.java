package dev.autogen.internal.autogenerate;

import dev.autogen.api.Change;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.operations.DataLoss;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.operations.HeldTables;
import dev.autogen.internal.operations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A revision's upgrade as it is written: the operations in the forms chosen for them (lock-safe ones on
 * tables that exist, plain ones where the migration rewrites the table anyway), and what is said beside
 * each for its reviewer (why a rename, how values convert, what the rows say, what it risks on a busy
 * table).
 */
public record Scaffold(List<Operation> upgrade, Map<Operation, List<String>> said, Map<Operation, Risk> risks) {

    /** {@code found}, in lock-safe forms when {@code lockSafe}, with the risks of each said beside it. */
    public static Scaffold of(Differences found, Dialect dialect, boolean lockSafe) {
        Map<Operation, List<String>> said = new LinkedHashMap<>(found.notes());
        List<Operation> upgrade = lockSafe ? lockSafe(dialect, found.operations(), said) : found.operations();
        Map<Operation, Risk> risks = Risks.of(upgrade, dialect);
        risks.forEach((op, risk) -> said.merge(op, List.of(risk.remark()), Differences::concat));
        return new Scaffold(upgrade, said, risks);
    }

    /** What the upgrade does, one entry per operation, as commands list it. */
    public List<Change> changes(Dialect dialect) {
        return changes(dialect, upgrade, risks);
    }

    /** What {@code operations} do, with the risks a fresh look finds: for check and baseline. */
    public static List<Change> changes(Dialect dialect, List<Operation> operations) {
        return changes(dialect, operations, Risks.of(operations, dialect));
    }

    private static List<Change> changes(Dialect dialect, List<Operation> operations, Map<Operation, Risk> risks) {
        DataLoss loss = new DataLoss(dialect.typeChanges());
        return operations.stream()
                .map(op -> new Change(
                        Description.of(op),
                        loss.of(op).orElse(null),
                        risks.containsKey(op)
                                ? risks.get(op).lock() + ": " + risks.get(op).what()
                                : null))
                .toList();
    }

    /** The operations in their lock-safe forms; what was said of one is said of the first that carries it out. */
    private static List<Operation> lockSafe(
            Dialect dialect, List<Operation> operations, Map<Operation, List<String>> notes) {
        List<List<Operation>> forms = dialect.lockSafe(operations);
        HeldTables held = HeldTables.of(operations);
        List<Operation> safe = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            List<Operation> form = forms.get(i);
            List<String> said = notes.remove(operation);
            if (held.holds(operation)
                    && !dialect.lockSafe(List.of(operation)).get(0).equals(form)) {
                said = said == null ? new ArrayList<>() : new ArrayList<>(said);
                said.add("Plain, inside the migration's transaction: the migration rewrites this table, holding it"
                        + " for that long anyway, and a lock-safe form would only split it (all or nothing wins).");
            }
            if (said != null) {
                notes.put(form.get(0), said);
            }
            for (Operation carried : form) {
                List<String> remarks = dialect.lockSafeRemarks(carried);
                if (!remarks.isEmpty() && !carried.equals(operation)) {
                    notes.merge(carried, remarks, Differences::concat);
                }
            }
            safe.addAll(form);
        }
        return safe;
    }
}
