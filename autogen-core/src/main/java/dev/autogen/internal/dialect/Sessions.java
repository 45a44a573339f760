package dev.autogen.internal.dialect;

import dev.autogen.api.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * How autogen holds a session on the database: connecting, the lock that keeps two runs off one version
 * table, the session settings and timeouts a migration runs under, cancelling, and telling the database's
 * errors apart.
 */
public interface Sessions {

    /** The server's major version ({@code 17}), as {@link Dialect#atServerVersion} takes it. */
    String serverVersion(Connection connection);

    /** Opens a connection; a failure is an error naming the cause and the fix. */
    Connection connect(ConnectionSettings settings);

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
     * Makes {@code schema} the one this session's unqualified names are looked up in first (PostgreSQL's
     * search path, MariaDB's current database): a fleet target's migrations find its own tables by the names
     * their SQL writes.
     */
    void useSchema(Connection connection, String schema) throws SQLException;

    /**
     * The schemas (MariaDB: databases) this session can see, the database's own ones left out, sorted: the
     * candidates of a fleet's schema pattern.
     */
    List<String> schemaNames(Connection connection) throws SQLException;

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
