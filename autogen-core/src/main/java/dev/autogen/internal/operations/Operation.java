package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;

/**
 * One schema change. What an operation means to each concern (its SQL, its Java call, its description,
 * the data it loses) is decided in one {@link OperationVisitor} per concern, so that a new kind of
 * operation does not compile until every concern handles it.
 */
public sealed interface Operation
        permits CreateSchema,
                DropSchema,
                CreateTable,
                DropTable,
                AddColumn,
                DropColumn,
                AlterColumn,
                AddNotNullNotValid,
                RenameColumn,
                RenameTable,
                RenameConstraint,
                RenameIndex,
                SetTableSchema,
                AddPrimaryKey,
                AddUniqueConstraint,
                AddForeignKey,
                AddCheckConstraint,
                DropConstraint,
                ValidateConstraint,
                CreateIndex,
                DropIndex,
                CreateSequence,
                AlterSequence,
                DropSequence,
                CreateEnumType,
                AlterEnumType,
                DropEnumType,
                SetTableComment,
                Execute,
                ExecuteJava {

    /** The schema after this change. */
    Schema applyTo(Schema schema);

    /** The change that undoes this one; reversing twice gives this operation back. */
    Operation reverse();

    <R> R accept(OperationVisitor<R> visitor);
}
