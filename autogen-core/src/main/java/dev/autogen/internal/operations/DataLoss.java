package dev.autogen.internal.operations;

import java.util.List;
import java.util.Optional;

/** What data an operation destroys or may destroy, in words for a reviewer; empty when none. */
public final class DataLoss implements OperationVisitor<Optional<String>> {

    private final TypeChanges types;

    public DataLoss(TypeChanges types) {
        this.types = types;
    }

    public Optional<String> of(Operation operation) {
        return operation.accept(this);
    }

    /** What a reviewer should know of how a column's values convert, or empty. */
    public Optional<String> conversionNote(AlterColumn op) {
        return op.typeChanged() && op.using() == null
                ? Optional.ofNullable(
                        types.conversionNote(op.from().type(), op.to().type()))
                : Optional.empty();
    }

    @Override
    public Optional<String> dropTable(DropTable op) {
        return Optional.of("drops table " + op.table().name() + " with all its rows");
    }

    @Override
    public Optional<String> dropColumn(DropColumn op) {
        return Optional.of("drops column " + op.table() + "." + op.column().name() + " with its values");
    }

    @Override
    public Optional<String> alterColumn(AlterColumn op) {
        if (op.from().generatedAs() == null && op.to().generatedAs() != null) {
            return Optional.of("replaces the values of " + op.table() + "."
                    + op.to().name() + " with what its expression computes");
        }
        // A conversion with its way back maps every value one by one and fails on any other: nothing is lost.
        if (!op.typeChanged()
                || types.keepsEveryValue(op.from().type(), op.to().type())
                || op.conversionToWrite()
                || op.reverseUsing() != null) {
            return Optional.empty();
        }
        if (op.using() != null) {
            return Optional.of("changes " + op.table() + "." + op.from().name() + " from "
                    + op.from().type() + " to " + op.to().type() + " by the conversion given, which nothing checks");
        }
        return Optional.of("changes " + op.table() + "." + op.from().name() + " from "
                + op.from().type() + " to " + op.to().type()
                + ": the change fails if a value does not convert exactly");
    }

    @Override
    public Optional<String> dropSequence(DropSequence op) {
        return Optional.of("drops sequence " + op.sequence().name() + " and its current value");
    }

    @Override
    public Optional<String> alterEnumType(AlterEnumType op) {
        List<String> removed = op.from().labels().stream()
                .filter(l -> !op.to().labels().contains(l))
                .toList();
        return removed.isEmpty()
                ? Optional.empty()
                : Optional.of("removes " + removed + " from type " + op.from().name()
                        + ": rows holding them make the change fail");
    }

    @Override
    public Optional<String> createSchema(CreateSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropSchema(DropSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createTable(CreateTable op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addColumn(AddColumn op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameColumn(RenameColumn op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameConstraint(RenameConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameIndex(RenameIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> renameTable(RenameTable op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> setTableSchema(SetTableSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addPrimaryKey(AddPrimaryKey op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addUniqueConstraint(AddUniqueConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addForeignKey(AddForeignKey op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addCheckConstraint(AddCheckConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropConstraint(DropConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addNotNullNotValid(AddNotNullNotValid op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> validateConstraint(ValidateConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createIndex(CreateIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropIndex(DropIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createSequence(CreateSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> alterSequence(AlterSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> createEnumType(CreateEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> dropEnumType(DropEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> setTableComment(SetTableComment op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> execute(Execute op) {
        return Optional.empty();
    }

    @Override
    public Optional<String> executeJava(ExecuteJava op) {
        return Optional.empty();
    }
}
