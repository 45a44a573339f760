package dev.autogen.internal.dialect;

import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropTable;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.operations.SetTableSchema;
import java.util.Optional;

/**
 * What a drop or a rename risks on any database: the application that is running names what goes, and
 * its queries fail until the application that no longer does is deployed. Only the lock differs.
 */
public final class RunningCodeRisks {

    private RunningCodeRisks() {}

    /** The risk of {@code operation}, which takes {@code lock}, when it is a drop or a rename. */
    public static Optional<Risk> of(Operation operation, String lock) {
        if (operation instanceof DropColumn drop) {
            return dropped(
                    lock,
                    "breaks every running query that names " + drop.column().name());
        } else if (operation instanceof DropTable drop) {
            return dropped(lock, "breaks every running query on " + drop.table().name());
        } else if (operation instanceof RenameColumn rename) {
            return renamed(lock, "names " + rename.from(), rename.to());
        } else if (operation instanceof RenameTable rename) {
            return renamed(lock, "on " + rename.table(), rename.to());
        } else if (operation instanceof SetTableSchema move) {
            return renamed(lock, "on " + move.table(), String.valueOf(move.moved()));
        }
        return Optional.empty();
    }

    private static Optional<Risk> dropped(String lock, String what) {
        return Optional.of(
                new Risk("drop-breaks-running-code", lock, what + "; deploy the application without it first"));
    }

    private static Optional<Risk> renamed(String lock, String queries, String now) {
        return Optional.of(new Risk(
                "rename-breaks-running-code",
                lock,
                "breaks every running query " + queries + " until the application that says " + now + " is deployed"));
    }
}
