package dev.autogen.internal.codegen;

import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddPrimaryKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.AlterSequence;
import dev.autogen.internal.operations.CreateEnumType;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.CreateSchema;
import dev.autogen.internal.operations.CreateSequence;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.DataLoss;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropConstraint;
import dev.autogen.internal.operations.DropEnumType;
import dev.autogen.internal.operations.DropIndex;
import dev.autogen.internal.operations.DropSchema;
import dev.autogen.internal.operations.DropSequence;
import dev.autogen.internal.operations.DropTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.OperationVisitor;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.RenameConstraint;
import dev.autogen.internal.operations.RenameIndex;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.operations.SetTableComment;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.operations.ValidateConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comments a reviewer needs above an operation, besides the data it loses: what an altered column
 * becomes, what the tool guessed, and what may fail on existing rows. Names in them are made inert by
 * the writer.
 */
final class Remarks implements OperationVisitor<List<String>> {

    private final DataLoss dataLoss;
    private final boolean upgrade;
    private final Map<Operation, List<String>> notes;

    /** {@code notes}: what the tool that chose an operation says of it (why a rename, why a drop). */
    Remarks(DataLoss dataLoss, boolean upgrade, Map<Operation, List<String>> notes) {
        this.dataLoss = dataLoss;
        this.upgrade = upgrade;
        this.notes = notes;
    }

    /** Every remark for {@code operation}: its data loss first, then what this visitor adds. */
    List<String> of(Operation operation, boolean withDataLoss) {
        List<String> remarks = new ArrayList<>();
        if (withDataLoss) {
            dataLoss.of(operation).ifPresent(loss -> remarks.add("Data loss: " + loss + "."));
        }
        remarks.addAll(notes.getOrDefault(operation, List.of()));
        remarks.addAll(operation.accept(this));
        return remarks;
    }

    Optional<String> dataLoss(Operation operation) {
        return dataLoss.of(operation);
    }

    @Override
    public List<String> alterColumn(AlterColumn op) {
        List<String> remarks = new ArrayList<>();
        remarks.add(op.to().name() + ": " + String.join(", ", Description.changes(op.from(), op.to())) + ".");
        if (op.conversionToWrite()) {
            remarks.add("Check: replace conversionToWrite() with an SQL expression over "
                    + op.to().name()
                    + " that gives each new value (the database has no cast from "
                    + op.from().type() + " to "
                    + op.to().type() + ", or none that keeps the values' meaning). The migration does not run"
                    + " until then.");
        } else {
            dataLoss.conversionNote(op).ifPresent(note -> remarks.add("Check: " + note + "."));
        }
        if (op.from().nullable() && !op.to().nullable()) {
            remarks.add(
                    !op.fillsNulls()
                            ? "Check: fails if any row of " + op.table() + " holds null in "
                                    + op.to().name() + "."
                            : "Check: rows of " + op.table() + " holding null in "
                                    + op.to().name() + " get its default first.");
        }
        return remarks;
    }

    @Override
    public List<String> renameColumn(RenameColumn op) {
        return List.of(); // the differ says why, in a note
    }

    @Override
    public List<String> renameConstraint(RenameConstraint op) {
        return List.of();
    }

    @Override
    public List<String> renameIndex(RenameIndex op) {
        return List.of();
    }

    @Override
    public List<String> renameTable(RenameTable op) {
        return List.of();
    }

    @Override
    public List<String> setTableSchema(SetTableSchema op) {
        return List.of();
    }

    @Override
    public List<String> addColumn(AddColumn op) {
        Column column = op.column();
        if (!column.nullable()
                && column.defaultValue() == null
                && column.identity() == Identity.NONE
                && column.generatedAs() == null) {
            return List.of("Check: a not-null column without a default cannot be added to a table that has rows;"
                    + " give it a default, or add it nullable, fill it, then set not null.");
        }
        return List.of();
    }

    @Override
    public List<String> alterEnumType(AlterEnumType op) {
        return op.onlyAddsLabels() && !op.from().labels().equals(op.to().labels())
                ? List.of("Check: PostgreSQL lets new enum labels be used only after this transaction commits.")
                : List.of();
    }

    @Override
    public List<String> createSchema(CreateSchema op) {
        return List.of();
    }

    @Override
    public List<String> dropSchema(DropSchema op) {
        return List.of();
    }

    @Override
    public List<String> createTable(CreateTable op) {
        return List.of();
    }

    @Override
    public List<String> dropTable(DropTable op) {
        return List.of();
    }

    @Override
    public List<String> dropColumn(DropColumn op) {
        return List.of();
    }

    @Override
    public List<String> addPrimaryKey(AddPrimaryKey op) {
        return List.of();
    }

    @Override
    public List<String> addUniqueConstraint(AddUniqueConstraint op) {
        return List.of();
    }

    @Override
    public List<String> addForeignKey(AddForeignKey op) {
        return List.of();
    }

    @Override
    public List<String> addCheckConstraint(AddCheckConstraint op) {
        return List.of();
    }

    @Override
    public List<String> addNotNullNotValid(AddNotNullNotValid op) {
        return List.of();
    }

    @Override
    public List<String> validateConstraint(ValidateConstraint op) {
        return List.of();
    }

    @Override
    public List<String> dropConstraint(DropConstraint op) {
        return List.of();
    }

    @Override
    public List<String> createIndex(CreateIndex op) {
        return List.of();
    }

    @Override
    public List<String> dropIndex(DropIndex op) {
        return List.of();
    }

    @Override
    public List<String> createSequence(CreateSequence op) {
        return op.pastValuesOf().stream()
                .map(c -> "It starts past the highest " + c.table() + "." + c.column() + " already stored.")
                .toList();
    }

    @Override
    public List<String> alterSequence(AlterSequence op) {
        return List.of();
    }

    @Override
    public List<String> dropSequence(DropSequence op) {
        if (!upgrade) {
            return List.of(); // the upgrade's createSequence says it
        }
        return op.pastValuesOf().stream()
                .map(c -> "Undone, it starts again past the highest " + c.table() + "." + c.column() + ".")
                .toList();
    }

    @Override
    public List<String> createEnumType(CreateEnumType op) {
        return List.of();
    }

    @Override
    public List<String> dropEnumType(DropEnumType op) {
        return List.of();
    }

    @Override
    public List<String> setTableComment(SetTableComment op) {
        return List.of();
    }

    @Override
    public List<String> execute(Execute op) {
        return List.of();
    }

    @Override
    public List<String> executeJava(ExecuteJava op) {
        return List.of();
    }
}
