package dev.autogen.codegen;

import dev.autogen.operations.AddColumn;
import dev.autogen.operations.AlterColumn;
import dev.autogen.operations.AlterEnumType;
import dev.autogen.operations.Operation;
import dev.autogen.operations.RenameColumn;
import dev.autogen.schema.Identity;
import java.util.ArrayList;
import java.util.List;

/** The comments a reviewer needs above an operation: what data it loses, and what the tool guessed. */
final class Remarks {

    private Remarks() {}

    /** In a downgrade a rename only undoes the upgrade's: the guess was flagged there. */
    static List<String> of(Operation operation, boolean upgrade) {
        List<String> remarks = new ArrayList<>();
        operation.dataLoss().ifPresent(loss -> remarks.add("Data loss: " + loss + "."));
        if (operation instanceof RenameColumn rename && upgrade) {
            remarks.add("Guess: " + rename.from() + " disappeared and " + rename.to() + " appeared with the same definition,"
                    + " so this renames it. If they are different columns, drop the one and add the other instead.");
        } else if (operation instanceof AddColumn add && !add.column().nullable()
                && add.column().defaultValue() == null && add.column().identity() == Identity.NONE
                && add.column().generatedAs() == null) {
            remarks.add("Check: a not-null column without a default cannot be added to a table that has rows;"
                    + " give it a default, or add it nullable, fill it, then set not null.");
        } else if (operation instanceof AlterColumn alter && alter.from().nullable() && !alter.to().nullable()) {
            remarks.add("Check: fails if any row of " + alter.table() + " holds null in " + alter.to().name() + ".");
        } else if (operation instanceof AlterEnumType alter && alter.onlyAddsLabels()) {
            remarks.add("Check: PostgreSQL lets new enum labels be used only after this transaction commits.");
        }
        return remarks;
    }
}
