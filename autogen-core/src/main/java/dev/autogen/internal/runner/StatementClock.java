package dev.autogen.internal.runner;

import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The time since the current statement began, told to the listener once it has run {@code firstNotice},
 * and again each time as long again has passed (5 s, 10 s, 20 s, 40 s...), counted from the statement's
 * own start.
 */
final class StatementClock implements AutoCloseable {

    private final Duration firstNotice;
    private final RunListener listener;
    private final ScheduledExecutorService timer;
    private volatile RevisionInfo revision;
    private volatile String statement;
    private volatile long since;
    private volatile long nextNotice;

    StatementClock(RunListener listener, Duration firstNotice) {
        this.firstNotice = firstNotice;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "autogen-statement-clock");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(10, Math.min(1000, firstNotice.toMillis() / 5));
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    interface Work {
        void run() throws SQLException;
    }

    void time(RevisionInfo of, String text, Work work) throws SQLException {
        revision = of;
        since = System.nanoTime();
        nextNotice = firstNotice.toNanos();
        statement = text;
        try {
            work.run();
        } finally {
            statement = null;
        }
    }

    private void tick() {
        String running = statement;
        if (running != null) {
            long elapsed = System.nanoTime() - since;
            if (elapsed >= nextNotice) {
                nextNotice *= 2;
                listener.stillRunning(revision, Runner.shorten(running), Duration.ofNanos(elapsed));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
