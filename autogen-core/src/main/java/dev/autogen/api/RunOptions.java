package dev.autogen.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient a run is.
 *
 * @param lockWait how long to wait for another run's migration lock before giving up
 * @param statementLockTimeout PostgreSQL's {@code lock_timeout} while migrations run: a statement that
 *     waits longer for a busy table fails (and its migration rolls back) instead of queueing the
 *     application's traffic behind it; zero waits for ever, as PostgreSQL does by default
 * @param lockRetries how many times a migration that hit the lock timeout is tried again, after a pause
 *     that doubles each time (1 s, 2 s, 4 s...), before the run gives up
 * @param statementTimeout PostgreSQL's {@code statement_timeout} while migrations run; zero for none
 */
public record RunOptions(Duration lockWait, Duration statementLockTimeout, int lockRetries, Duration statementTimeout) {

    /** A busy table is waited for 5 s at a time, four times in all; statements run as long as they need. */
    public static final RunOptions DEFAULT = new RunOptions(Duration.ofMinutes(5), Duration.ofSeconds(5));

    public static final int DEFAULT_LOCK_RETRIES = 3;

    public RunOptions {
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(statementLockTimeout, "statementLockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (lockWait.isNegative() || statementLockTimeout.isNegative() || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("lock waits and timeouts cannot be negative");
        }
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries cannot be negative");
        }
    }

    /** The default retries, and no statement timeout. */
    public RunOptions(Duration lockWait, Duration statementLockTimeout) {
        this(lockWait, statementLockTimeout, DEFAULT_LOCK_RETRIES, Duration.ZERO);
    }
}
