package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Sessions;
import java.sql.SQLException;

/**
 * A failed statement told apart from a lost connection, a missing permission, a read-only server, a busy
 * table and a cancel, with where the database stays.
 */
final class Failures {

    private Failures() {}

    /**
     * @param outcome what became of the work: "it was rolled back; the database stays at r1", or what stays
     *     done when part of it had committed
     * @param lostOutcome the same when the connection was lost, which rolls the open transaction back
     */
    static AutogenException of(Sessions dialect, String what, SQLException e, String outcome, String lostOutcome) {
        String message = Runner.oneLine(e.getMessage());
        return switch (dialect.classify(e)) {
            case CONNECTION_LOST ->
                new AutogenException(
                        ErrorCode.CONNECTION_LOST,
                        what + ": the connection to the database was lost (" + message + ")",
                        lostOutcome + "; run the command again",
                        e);
            case PERMISSION_DENIED ->
                new AutogenException(
                        ErrorCode.PERMISSION_DENIED,
                        what + ": " + message,
                        "connect as a user that may change the schema; " + outcome,
                        e);
            case READ_ONLY ->
                new AutogenException(
                        ErrorCode.PERMISSION_DENIED,
                        what + ": the database is read-only (" + message + ")",
                        "connect to the primary server, or to a database that is not in read-only mode; " + outcome,
                        e);
            case LOCK_TIMEOUT ->
                new AutogenException(
                        ErrorCode.LOCK_TIMEOUT,
                        what + ": " + message,
                        "a table it needs stayed locked longer than lock.timeout; " + outcome
                                + "; try again when traffic is lower",
                        e);
            case CANCELLED -> new AutogenException(ErrorCode.CANCELLED, what + ": cancelled", outcome, e);
            case OTHER -> new AutogenException(ErrorCode.MIGRATION_FAILED, what + ": " + message, outcome, e);
        };
    }
}
