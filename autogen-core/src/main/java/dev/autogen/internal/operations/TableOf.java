package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import java.util.Optional;

/** The table an operation works on, if it works on one (as it is named before the operation). */
public final class TableOf implements OperationVisitor<Optional<QualifiedName>> {

    public static Optional<QualifiedName> of(Operation operation) {
        return operation.accept(new TableOf());
    }

    @Override
    public Optional<QualifiedName> createSchema(CreateSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> dropSchema(DropSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> createTable(CreateTable op) {
        return Optional.of(op.table().name());
    }

    @Override
    public Optional<QualifiedName> dropTable(DropTable op) {
        return Optional.of(op.table().name());
    }

    @Override
    public Optional<QualifiedName> addColumn(AddColumn op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> dropColumn(DropColumn op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> alterColumn(AlterColumn op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> addNotNullNotValid(AddNotNullNotValid op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> renameColumn(RenameColumn op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> renameTable(RenameTable op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> renameConstraint(RenameConstraint op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> renameIndex(RenameIndex op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> setTableSchema(SetTableSchema op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> addPrimaryKey(AddPrimaryKey op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> addUniqueConstraint(AddUniqueConstraint op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> addForeignKey(AddForeignKey op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> addCheckConstraint(AddCheckConstraint op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> dropConstraint(DropConstraint op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> validateConstraint(ValidateConstraint op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> createIndex(CreateIndex op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> dropIndex(DropIndex op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> createSequence(CreateSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> alterSequence(AlterSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> dropSequence(DropSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> createEnumType(CreateEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> alterEnumType(AlterEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> dropEnumType(DropEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> setTableComment(SetTableComment op) {
        return Optional.of(op.table());
    }

    @Override
    public Optional<QualifiedName> execute(Execute op) {
        return Optional.empty();
    }

    @Override
    public Optional<QualifiedName> executeJava(ExecuteJava op) {
        return Optional.empty();
    }
}
