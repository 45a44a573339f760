package dev.autogen.migration;

import dev.autogen.migration.Definitions.ColumnDef;
import dev.autogen.migration.Definitions.ForeignKeyDef;
import dev.autogen.migration.Definitions.IndexDef;
import dev.autogen.migration.Definitions.SequenceDef;
import dev.autogen.migration.Definitions.TableDef;
import dev.autogen.operations.AddCheckConstraint;
import dev.autogen.operations.AddColumn;
import dev.autogen.operations.AddForeignKey;
import dev.autogen.operations.AddPrimaryKey;
import dev.autogen.operations.AddUniqueConstraint;
import dev.autogen.operations.AlterColumn;
import dev.autogen.operations.AlterEnumType;
import dev.autogen.operations.AlterSequence;
import dev.autogen.operations.ColumnRef;
import dev.autogen.operations.CreateEnumType;
import dev.autogen.operations.CreateIndex;
import dev.autogen.operations.CreateSchema;
import dev.autogen.operations.CreateSequence;
import dev.autogen.operations.CreateTable;
import dev.autogen.operations.DropColumn;
import dev.autogen.operations.DropConstraint;
import dev.autogen.operations.DropEnumType;
import dev.autogen.operations.DropIndex;
import dev.autogen.operations.DropSchema;
import dev.autogen.operations.DropSequence;
import dev.autogen.operations.DropTable;
import dev.autogen.operations.Execute;
import dev.autogen.operations.Operation;
import dev.autogen.operations.RenameColumn;
import dev.autogen.operations.SetTableComment;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Constraint;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.UniqueConstraint;
import java.util.List;

/**
 * The calls a migration makes. Each call builds one operation record and hands it to {@link #run}; an
 * implementation decides what running means (record it, render it as SQL, execute it).
 */
public interface Operations {

    void run(Operation operation);

    default void createSchema(String schema) {
        run(new CreateSchema(schema));
    }

    default void dropSchema(String schema) {
        run(new DropSchema(schema));
    }

    default void createTable(TableDef table) {
        run(new CreateTable(table.table()));
    }

    /** Drops a table, naming all it holds so that the downgrade can create it again. */
    default void dropTable(TableDef table) {
        run(new DropTable(table.table()));
    }

    default void addColumn(QualifiedName table, ColumnDef column) {
        run(new AddColumn(table, column.column()));
    }

    default void dropColumn(QualifiedName table, ColumnDef column) {
        run(new DropColumn(table, column.column()));
    }

    /** Changes a column from what it is to what it becomes: both are given whole. */
    default void alterColumn(QualifiedName table, ColumnDef from, ColumnDef to) {
        run(new AlterColumn(table, from.column(), to.column()));
    }

    default void renameColumn(QualifiedName table, String from, String to) {
        run(new RenameColumn(table, from, to));
    }

    default void addPrimaryKey(QualifiedName table, PrimaryKey key) {
        run(new AddPrimaryKey(table, key));
    }

    default void addUniqueConstraint(QualifiedName table, UniqueConstraint constraint) {
        run(new AddUniqueConstraint(table, constraint));
    }

    default void addCheckConstraint(QualifiedName table, CheckConstraint check) {
        run(new AddCheckConstraint(table, check));
    }

    default void addForeignKey(QualifiedName table, ForeignKeyDef key) {
        run(new AddForeignKey(table, key.foreignKey()));
    }

    default void dropConstraint(QualifiedName table, Constraint constraint) {
        run(new DropConstraint(table, constraint));
    }

    default void dropConstraint(QualifiedName table, ForeignKeyDef key) {
        run(new DropConstraint(table, key.foreignKey()));
    }

    default void createIndex(QualifiedName table, IndexDef index) {
        run(new CreateIndex(table, index.index()));
    }

    default void dropIndex(QualifiedName table, IndexDef index) {
        run(new DropIndex(table, index.index()));
    }

    default void createSequence(SequenceDef sequence) {
        run(new CreateSequence(sequence.sequence()));
    }

    default void alterSequence(SequenceDef from, SequenceDef to) {
        run(new AlterSequence(from.sequence(), to.sequence()));
    }

    default void dropSequence(SequenceDef sequence) {
        run(new DropSequence(sequence.sequence()));
    }

    default void createEnumType(EnumType type) {
        run(new CreateEnumType(type));
    }

    /** Changes an enum type's labels; {@code columns} are those of that type, moved over if it is rebuilt. */
    default void alterEnumType(EnumType from, EnumType to, ColumnRef... columns) {
        run(new AlterEnumType(from, to, List.of(columns)));
    }

    default void dropEnumType(EnumType type) {
        run(new DropEnumType(type));
    }

    default void setTableComment(QualifiedName table, String from, String to) {
        run(new SetTableComment(table, from, to));
    }

    /** Raw SQL, with the SQL that undoes it ({@code null} where nothing runs in that direction). */
    default void execute(String sql, String reverseSql) {
        run(new Execute(sql, reverseSql));
    }
}
