package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RunListener;
import dev.autogen.internal.dialect.Sessions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Takes the migration lock of one version table, waiting for another run to let it go. The wait is a
 * try polled from outside any transaction: a session blocked in the database holds a snapshot while it
 * waits, and the run holding the lock may be building an index concurrently, which waits for every
 * snapshot to end; any number of runs may start at once. The listener hears who holds it, and how long
 * this run has waited.
 */
final class MigrationLock {

    /** How often the listener hears that the run still waits. */
    private static final Duration REMIND_EVERY = Duration.ofSeconds(10);

    private final Sessions dialect;
    private final String name;
    private final RunListener listener;
    private final BooleanSupplier cancelled;

    MigrationLock(Sessions dialect, String name, RunListener listener, BooleanSupplier cancelled) {
        this.dialect = dialect;
        this.name = name;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** Takes the lock within {@code wait} (at once or not at all when zero), or fails naming who holds it. */
    void take(Connection connection, Duration wait) throws SQLException {
        long start = System.nanoTime();
        long pause = 10;
        long told = -1;
        while (!dialect.tryLock(connection, name)) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(wait) >= 0) {
                throw held(connection, wait);
            }
            if (cancelled.getAsBoolean()) {
                throw new AutogenException(
                        ErrorCode.CANCELLED, "waiting for the migration lock: cancelled", "no migration ran");
            }
            long reminder = waited.toMillis() / REMIND_EVERY.toMillis();
            if (reminder != told) {
                told = reminder;
                listener.waitingForLock(dialect.lockHolder(connection, name), waited);
            }
            sleep(Math.min(pause, wait.minus(waited).toMillis() + 1));
            pause = Math.min(pause * 2, 250);
        }
    }

    private AutogenException held(Connection connection, Duration wait) throws SQLException {
        String waited = wait.isZero() ? "" : " for more than " + seconds(wait);
        return new AutogenException(
                ErrorCode.LOCK_TIMEOUT,
                "another session holds the migration lock " + name.substring(name.indexOf(':') + 1) + waited + ": "
                        + dialect.lockHolder(connection, name),
                "wait for it to finish, or raise lock.wait; if it is stuck, end that session; no migration ran");
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AutogenException(
                    ErrorCode.CANCELLED, "waiting for the migration lock: interrupted", "no migration ran");
        }
    }
}
