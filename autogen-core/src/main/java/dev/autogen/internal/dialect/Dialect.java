package dev.autogen.internal.dialect;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.TypeChanges;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.ValueDomain;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything autogen knows about one database, chosen from the JDBC URL by {@link Dialects}: how to
 * connect, read the catalog, spell names, types and expressions, write each operation as SQL, keep the
 * version tables, lock a run, and read the database's errors. A second database is a second
 * implementation of this interface, in a package of its own.
 */
public interface Dialect {

    /** The database's name, for messages. */
    String name();

    // ---------------------------------------------------------------- connecting and reading

    /** Opens a connection; a failure is an error naming the cause and the fix. */
    Connection connect(ConnectionSettings settings);

    /** Reads the schemas in {@code scope}, in a number of catalog queries that does not grow with the tables. */
    Introspection introspect(Connection connection, IntrospectionScope scope);

    /**
     * What the schemas in {@code scope} hold that {@link #introspect} leaves out or changes (views,
     * partitioning, triggers, routines, ...), one line each: what a baseline cannot reproduce.
     */
    List<String> notReproduced(Connection connection, IntrospectionScope scope);

    /**
     * Builds {@code ddl} inside a transaction that is rolled back, in stand-in schemas ({@code schemas} maps
     * each real schema to its stand-in; the default schema's stand-in comes first in the search path), and
     * reads back what the database made of it, under the real schema names: how the database itself
     * spells the types and expressions the DDL wrote. Nothing persists, no real table is locked.
     */
    Printed print(Connection connection, List<String> ddl, Map<String, String> schemas, String defaultSchema);

    /**
     * Whether the change of a column from type {@code from} to {@code to} runs without an author's
     * conversion: the database casts between them, as it is asked, or the dialect converts them its own way.
     * {@code true} when it cannot tell, so that only a certain "no" makes an author write one.
     */
    boolean converts(Connection connection, String from, String to);

    // ---------------------------------------------------------------- spelling

    /** Names as the database stores and quotes them. */
    Names names();

    /** What the differ must know: the names the database gives unnamed constraints, how it spells types. */
    DiffRules diffRules();

    /** Which type changes keep every value. */
    TypeChanges typeChanges();

    /**
     * What {@code operation} risks on a table that already has rows and traffic (the caller leaves out
     * tables created in the same migration), or nothing worth a remark. {@code before} are the operations
     * the migration runs before it: a step can make a later one safe.
     */
    Optional<Risk> risk(Operation operation, List<Operation> before);

    /**
     * The migration's operations in the forms that let reads and writes go on, for tables that exist before
     * it (a table the migration creates is empty, and keeps the plain forms): for each operation, those
     * that carry it out.
     */
    List<List<Operation>> lockSafe(List<Operation> operations);

    /**
     * What the live database's rows say of each operation, for the reviewer: how much a drop takes, how
     * many rows a new constraint would refuse. Bounded in cost; read only.
     */
    Map<Operation, List<String>> rowFacts(Connection connection, List<Operation> operations) throws SQLException;

    /**
     * {@code alter} converting so that the values mean the same after it, both ways: value by value when its
     * column holds the values of {@code domain} (an enum's constants, a boolean's two, a duration, a UUID;
     * {@code null} when the entities say nothing of it) and its old type says how it held them; a
     * conversion for the author to write when a cast would succeed with values whose meaning depends on
     * what the database cannot know (a time zone). Empty when a cast keeps their meaning.
     */
    Optional<ValueConversion> keepMeaning(AlterColumn alter, ValueDomain domain);

    /** An operation in a form that runs inside a transaction, for a script that cannot leave it. */
    Operation inTransaction(Operation operation);

    /**
     * The model with its types in the one spelling this dialect compares by, whichever reader made it.
     * Expressions keep their text; {@link DiffRules#sameExpression} compares them.
     */
    Schema canonical(Schema schema);

    /** The name and version Hibernate is told it generates the schema for. */
    String hibernateDatabaseName();

    String hibernateDatabaseVersion();

    // ---------------------------------------------------------------- writing

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
     * Statements that undo {@code operation} inside a transaction whether or not it took effect, for a
     * statement of it that committed on its own and whose run was killed before its end was recorded: empty
     * when there is nothing to undo, absent when the dialect does not know how.
     */
    Optional<List<String>> undoUncertain(Operation operation);

    /** The statements of autogen's own version and history tables, for one schema and table name. */
    VersionTableSql versionTables(String schema, String versionTable);

    // ---------------------------------------------------------------- running

    /**
     * Tries once, without waiting, to take the session-level lock that keeps two runs off one version
     * table; the database drops it with the session, so a killed run never leaves it behind. The caller
     * polls: a session blocked inside the database waiting for a lock holds a snapshot, and a concurrent
     * index build that the holder runs waits for every such snapshot, which would deadlock the two.
     */
    boolean tryLock(Connection connection, String name) throws SQLException;

    /** Who holds the lock, for a message: the session's pid, application, user and since when. */
    String lockHolder(Connection connection, String name) throws SQLException;

    /** Releases the lock; quietly does nothing on a broken connection. */
    void unlock(Connection connection, String name);

    /**
     * Settles what the session would otherwise decide for a migration, whatever the machine it runs on:
     * the time zone that conversions and {@code now()} see, UTC.
     */
    void prepareSession(Connection connection) throws SQLException;

    /**
     * The statements that put back the session settings autogen changes (time zone, lock timeout) as they
     * are now: a connection borrowed from a pool goes back as it came.
     */
    List<String> sessionRestore(Connection connection) throws SQLException;

    /** Sets how long each later statement may wait for a lock on a busy table; zero waits for ever. */
    void setLockTimeout(Connection connection, Duration timeout) throws SQLException;

    /** Sets how long each later statement may run; zero for ever. */
    void setStatementTimeout(Connection connection, Duration timeout) throws SQLException;

    /** Asks the server to cancel whatever statement runs on {@code connection}; callable from any thread. */
    void cancel(Connection connection);

    /** Whether {@code sql} begins, ends or otherwise steers a transaction, which a migration must leave to autogen. */
    boolean controlsTransaction(String sql);

    /** What kind of failure an error from the database is. */
    Failure classify(SQLException error);

    /** The kinds of failure a run tells apart. */
    enum Failure {
        CONNECTION_LOST,
        PERMISSION_DENIED,
        READ_ONLY,
        LOCK_TIMEOUT,
        CANCELLED,
        OTHER
    }
}
