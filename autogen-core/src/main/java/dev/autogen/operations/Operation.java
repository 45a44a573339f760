package dev.autogen.operations;

import dev.autogen.schema.Schema;
import java.util.Optional;

/** One schema change. */
public sealed interface Operation
        permits CreateSchema, DropSchema, CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, RenameColumn,
                AddPrimaryKey, AddUniqueConstraint, AddForeignKey, AddCheckConstraint, DropConstraint,
                CreateIndex, DropIndex, CreateSequence, AlterSequence, DropSequence, CreateEnumType,
                AlterEnumType, DropEnumType, SetTableComment, Execute {

    /** The schema after this change. */
    Schema applyTo(Schema schema);

    /** The change that undoes this one; reversing twice gives this operation back. */
    Operation reverse();

    /** What data this change loses, when it loses any. */
    default Optional<String> dataLoss() {
        return Optional.empty();
    }
}
