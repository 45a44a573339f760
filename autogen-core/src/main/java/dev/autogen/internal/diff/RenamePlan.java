package dev.autogen.internal.diff;

import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropTable;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.schema.QualifiedName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The renames taken before comparing, and what to say beside each drop of a table or column that was not
 * taken as renamed while another appeared: data is never lost without a word.
 *
 * @param notTaken what to say, by {@link #tableKey} or {@link #columnKey}
 */
public record RenamePlan(List<Rename> renames, Map<String, String> notTaken) {

    public static final RenamePlan NONE = new RenamePlan(List.of(), Map.of());

    public RenamePlan {
        renames = List.copyOf(renames);
        notTaken = Map.copyOf(notTaken);
    }

    static String tableKey(QualifiedName table) {
        return "table " + table;
    }

    static String columnKey(QualifiedName table, String column) {
        return "column " + table + " " + column;
    }

    /** What the generated code says beside each of {@code operations}, for the reviewer: why, or why not. */
    public Map<Operation, List<String>> notes(List<Operation> operations) {
        Map<Operation, List<String>> notes = new LinkedHashMap<>();
        for (Operation operation : operations) {
            String note = null;
            if (operation instanceof RenameTable rename) {
                note = renames.stream()
                        .filter(r -> r.ofTable() && r.table().equals(rename.table()))
                        .map(Rename::why)
                        .findFirst()
                        .orElse(null);
            } else if (operation instanceof RenameColumn rename) {
                note = renames.stream()
                        .filter(r -> !r.ofTable()
                                && r.table().equals(rename.table())
                                && r.column().equals(rename.from()))
                        .map(Rename::why)
                        .findFirst()
                        .orElse(null);
            } else if (operation instanceof DropTable drop) {
                note = notTaken.get(tableKey(drop.table().name()));
            } else if (operation instanceof DropColumn drop) {
                note = notTaken.get(columnKey(drop.table(), drop.column().name()));
            }
            if (note != null) {
                notes.put(operation, List.of(note));
            }
        }
        return notes;
    }
}
