package dev.autogen.internal.diff;

import dev.autogen.internal.operations.DropConstraint;
import dev.autogen.internal.operations.DropTable;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops tables whole: each carries its indexes and foreign keys, which {@code drop table} takes with it.
 * A table goes only once no other dropped table's key points at it; where such keys form a cycle, the keys
 * into one table of it are dropped first, on their own.
 */
final class TableDrops {

    /** The foreign keys dropped on their own, to run before any table goes. */
    final List<Operation> keys = new ArrayList<>();

    /** The tables, in an order that runs. */
    final List<Operation> tables = new ArrayList<>();

    TableDrops(List<Table> dropped) {
        Map<QualifiedName, Table> remaining = new LinkedHashMap<>();
        dropped.forEach(t -> remaining.put(t.name(), t));
        while (!remaining.isEmpty()) {
            Table next = remaining.values().stream()
                    .filter(t -> !referenced(t.name(), remaining))
                    .findFirst()
                    .orElse(null);
            if (next == null) {
                QualifiedName cut = remaining.keySet().iterator().next();
                for (Table t : List.copyOf(remaining.values())) {
                    if (!t.name().equals(cut)
                            && t.foreignKeys().stream().anyMatch(k -> k.target().equals(cut))) {
                        List<ForeignKey> kept = new ArrayList<>();
                        for (ForeignKey key : t.foreignKeys()) {
                            if (key.target().equals(cut)) {
                                keys.add(new DropConstraint(t.name(), key));
                            } else {
                                kept.add(key);
                            }
                        }
                        remaining.put(t.name(), t.withForeignKeys(kept));
                    }
                }
                continue;
            }
            tables.add(new DropTable(next));
            remaining.remove(next.name());
        }
    }

    /** Whether another table still to be dropped has a key pointing at {@code table}. */
    private static boolean referenced(QualifiedName table, Map<QualifiedName, Table> remaining) {
        return remaining.values().stream()
                .filter(t -> !t.name().equals(table))
                .flatMap(t -> t.foreignKeys().stream())
                .anyMatch(k -> k.target().equals(table));
    }
}
