package dev.autogen.internal.operations;

/** One method per kind of operation: a concern implements it whole, or does not compile. */
public interface OperationVisitor<R> {

    R createSchema(CreateSchema op);

    R dropSchema(DropSchema op);

    R createTable(CreateTable op);

    R dropTable(DropTable op);

    R addColumn(AddColumn op);

    R dropColumn(DropColumn op);

    R alterColumn(AlterColumn op);

    R renameColumn(RenameColumn op);

    R renameTable(RenameTable op);

    R renameConstraint(RenameConstraint op);

    R renameIndex(RenameIndex op);

    R setTableSchema(SetTableSchema op);

    R addPrimaryKey(AddPrimaryKey op);

    R addUniqueConstraint(AddUniqueConstraint op);

    R addForeignKey(AddForeignKey op);

    R addCheckConstraint(AddCheckConstraint op);

    R dropConstraint(DropConstraint op);

    R addNotNullNotValid(AddNotNullNotValid op);

    R validateConstraint(ValidateConstraint op);

    R createIndex(CreateIndex op);

    R dropIndex(DropIndex op);

    R createSequence(CreateSequence op);

    R alterSequence(AlterSequence op);

    R dropSequence(DropSequence op);

    R createEnumType(CreateEnumType op);

    R alterEnumType(AlterEnumType op);

    R dropEnumType(DropEnumType op);

    R setTableComment(SetTableComment op);

    R execute(Execute op);

    R executeJava(ExecuteJava op);
}
