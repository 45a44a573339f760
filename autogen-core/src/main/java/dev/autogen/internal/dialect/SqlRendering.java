package dev.autogen.internal.dialect;

import dev.autogen.internal.operations.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The SQL that carries out each operation, and what the runner must know of it: which statements run
 * outside a transaction or on their own, what cleans up after one that failed, the read-only proofs that
 * the rows accept it, how to undo one that may have taken effect, and autogen's own version tables.
 */
public interface SqlRendering {

    /** The statements that carry out {@code operation}, in order; none for a Java step. */
    List<String> render(Operation operation);

    /** Whether the database refuses to run {@code statement} inside a transaction. */
    boolean runsOutsideTransaction(String statement);

    /**
     * Whether {@code statement} runs on its own, after what came before it is committed: the database
     * refuses it inside a transaction, or the locks the transaction holds would block traffic for as long as
     * it runs (a validation).
     */
    boolean runsAlone(String statement);

    /**
     * What to run after {@code statement} failed on its own, so that it leaves nothing behind (the invalid
     * index of a failed concurrent build); empty when nothing needs it.
     */
    Optional<String> cleanupAfterFailed(String statement);

    /**
     * A read-only query over the rows that would refuse {@code operation}, a statement that commits on its
     * own (a unique build, a validation): asked before anything of its migration commits, it returns at most
     * a few rows, each with {@code refused} (how many in all) and {@code sample} (one, as text), and none when
     * every row is accepted. Empty when the operation refuses no row, or the dialect cannot tell.
     * {@code before} are the migration's operations before it, where a validation finds its constraint.
     */
    Optional<String> refusals(Operation operation, List<Operation> before);

    /**
     * A statement for a script that fails, saying {@code what} would fail on how many rows and which, then
     * {@code then}, when {@code refusals} (a query from {@link #refusals}) returns a row.
     */
    String refusalGuard(String refusals, String what, String then);

    /**
     * Statements that undo {@code operation} inside a transaction when only its first {@code run} statements
     * may have taken effect (committed on their own, the last perhaps killed before its end was recorded),
     * whether or not that last one did: empty when there is nothing to undo, absent when the dialect does
     * not know how.
     */
    Optional<List<String>> undoUncertain(Operation operation, int run);

    /** How an SQL script for this database's own client is framed: its first lines, and each statement's end. */
    ScriptSyntax scriptSyntax();

    /** The statements of autogen's own version and history tables, for one schema and table name. */
    VersionTableSql versionTables(String schema, String versionTable);

    /** Whether {@code sql} begins, ends or otherwise steers a transaction, which a migration must leave to autogen. */
    boolean controlsTransaction(String sql);
}
