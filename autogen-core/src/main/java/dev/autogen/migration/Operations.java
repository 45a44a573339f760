package dev.autogen.migration;

import dev.autogen.migration.Definitions.CheckDef;
import dev.autogen.migration.Definitions.ColumnDef;
import dev.autogen.migration.Definitions.ColumnRef;
import dev.autogen.migration.Definitions.ConstraintDef;
import dev.autogen.migration.Definitions.EnumTypeDef;
import dev.autogen.migration.Definitions.ForeignKeyDef;
import dev.autogen.migration.Definitions.IndexDef;
import dev.autogen.migration.Definitions.Name;
import dev.autogen.migration.Definitions.PrimaryKeyDef;
import dev.autogen.migration.Definitions.SequenceDef;
import dev.autogen.migration.Definitions.TableDef;
import dev.autogen.migration.Definitions.UniqueDef;

/**
 * The calls a migration makes. autogen records them, in order, and then runs them, prints them as an SQL
 * script, or undoes them. A call that removes something names it whole ({@code dropColumn} gives the
 * column's definition), so that the way back can create it again.
 */
public interface Operations {

    void createSchema(String schema);

    void dropSchema(String schema);

    void createTable(TableDef table);

    /** Drops a table, naming all it holds so that the downgrade can create it again. */
    void dropTable(TableDef table);

    void addColumn(Name table, ColumnDef column);

    void dropColumn(Name table, ColumnDef column);

    /**
     * Adds the column as a change of the table's definition alone ({@code algorithm=instant} on MariaDB):
     * where the database would have to copy or rebuild the table to add it, the statement fails at once
     * instead of blocking writes for as long. PostgreSQL adds a column so whenever it can: there this is
     * {@link #addColumn}.
     */
    void addColumnInstantly(Name table, ColumnDef column);

    /** Drops the column as a change of the table's definition alone; see {@link #addColumnInstantly}. */
    void dropColumnInstantly(Name table, ColumnDef column);

    /**
     * Changes a column from what it is to what it becomes: both are given whole. A type change converts
     * each value so that it comes back exactly, or fails: nothing is cut or rounded without a word.
     */
    void alterColumn(Name table, ColumnDef from, ColumnDef to);

    /**
     * Changes a column's type converting each value with {@code using}, an SQL expression over the column
     * ({@code "price * 100"}, {@code "created at time zone 'Europe/Paris'"}): the author's conversion, taken
     * as it is.
     */
    void alterColumn(Name table, ColumnDef from, ColumnDef to, String using);

    void renameColumn(Name table, String from, String to);

    /** Renames a constraint of {@code table}; its definition stays, so no row is checked again. */
    void renameConstraint(Name table, String from, String to);

    /**
     * Renames a table within its schema, with its rows; foreign keys pointing at it follow it, and the
     * sequences its identity columns own are renamed with it.
     */
    void renameTable(Name table, String to);

    /** Renames an index of {@code table} (it lives in the table's schema). */
    void renameIndex(Name table, String from, String to);

    /** Moves a table, with its rows, constraints and indexes, to {@code schema}. */
    void setTableSchema(Name table, String schema);

    void addPrimaryKey(Name table, PrimaryKeyDef key);

    void addUniqueConstraint(Name table, UniqueDef constraint);

    void addCheckConstraint(Name table, CheckDef check);

    void addForeignKey(Name table, ForeignKeyDef key);

    void dropConstraint(Name table, ConstraintDef constraint);

    void createIndex(Name table, IndexDef index);

    void dropIndex(Name table, IndexDef index);

    // ---------------------------------------------------------------- forms that let traffic go on

    /**
     * Builds the index while the table's reads and writes go on ({@code create index concurrently}), outside
     * the migration's transaction. What a failed build leaves behind is dropped first, so the step can run
     * again.
     */
    void createIndexConcurrently(Name table, IndexDef index);

    /** Drops the index without blocking reads and writes ({@code drop index concurrently}), outside the transaction. */
    void dropIndexConcurrently(Name table, IndexDef index);

    /**
     * Adds a unique constraint through a unique index built concurrently, which the constraint then takes
     * over ({@code add constraint ... unique using index}): the table is locked only for a moment.
     */
    void addUniqueConstraintConcurrently(Name table, UniqueDef constraint);

    /**
     * Adds a foreign key {@code not valid}: new rows are checked at once, existing rows only by a later
     * {@link #validateConstraint}, so the lock is held for a moment rather than for a scan.
     */
    void addForeignKeyNotValid(Name table, ForeignKeyDef key);

    /**
     * Makes {@code column} (as it is, nullable) NOT NULL through a constraint of this name added {@code not
     * valid} (PostgreSQL 18 and later): new rows are checked at once, existing rows by a later {@link
     * #validateConstraint}. Undoing it drops the NOT NULL.
     */
    void addNotNullNotValid(Name table, ColumnDef column, String constraint);

    /** Adds a check {@code not valid}: new rows are checked at once, existing rows by a later {@link #validateConstraint}. */
    void addCheckConstraintNotValid(Name table, CheckDef check);

    /**
     * Checks the existing rows against a constraint added not valid, in a transaction of its own, under a
     * lock that lets reads and writes go on. Undoing it runs nothing.
     */
    void validateConstraint(Name table, String constraint);

    /**
     * Creates a sequence. With columns, it continues past the highest value they already hold: the ids
     * a table stored before its generator changed stay free of collisions.
     */
    void createSequence(SequenceDef sequence, ColumnRef... pastValuesOf);

    /** {@link #createSequence(SequenceDef, ColumnRef...)} with no columns, kept for migrations compiled before them. */
    default void createSequence(SequenceDef sequence) {
        createSequence(sequence, new ColumnRef[0]);
    }

    void alterSequence(SequenceDef from, SequenceDef to);

    /** Drops a sequence; with columns, undoing it creates the sequence again past the highest value they hold. */
    void dropSequence(SequenceDef sequence, ColumnRef... pastValuesOf);

    /** {@link #dropSequence(SequenceDef, ColumnRef...)} with no columns, kept for migrations compiled before them. */
    default void dropSequence(SequenceDef sequence) {
        dropSequence(sequence, new ColumnRef[0]);
    }

    void createEnumType(EnumTypeDef type);

    /** Changes an enum type's labels; {@code columns} are those of that type, moved over if it is rebuilt. */
    void alterEnumType(EnumTypeDef from, EnumTypeDef to, ColumnRef... columns);

    void dropEnumType(EnumTypeDef type);

    /** Sets a table's comment, {@code null} for none; {@code from} is the comment it had. */
    void setTableComment(Name table, String from, String to);

    /** Raw SQL, with the SQL that undoes it ({@code null} where nothing runs in that direction). */
    void execute(String sql, String reverseSql);

    /** Raw SQL that nothing undoes. */
    default void execute(String sql) {
        execute(sql, null);
    }

    /**
     * Java code run on the migration's connection, in its transaction, with the code that undoes it
     * ({@code null} where nothing runs in that direction).
     */
    void execute(DataStep step, DataStep reverse);

    /** Java code that nothing undoes: a backfill of a column that the downgrade drops anyway. */
    default void execute(DataStep step) {
        execute(step, null);
    }

    /**
     * The reverse of each call that {@code migration.upgrade} makes, last first: what
     * {@link Migration#downgrade} does unless a migration says otherwise.
     */
    void undo(Migration migration);
}
