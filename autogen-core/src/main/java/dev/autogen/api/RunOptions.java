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
 */
public record RunOptions(Duration lockWait, Duration statementLockTimeout) {

    public static final RunOptions DEFAULT = new RunOptions(Duration.ofMinutes(5), Duration.ZERO);

    public RunOptions {
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(statementLockTimeout, "statementLockTimeout");
        if (lockWait.isNegative() || statementLockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock waits cannot be negative");
        }
    }
}
