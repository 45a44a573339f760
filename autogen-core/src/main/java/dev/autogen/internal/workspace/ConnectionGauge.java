package dev.autogen.internal.workspace;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the connections a set of workspaces has open, and the most it had open at once. */
public final class ConnectionGauge {

    /** Counts nothing. */
    static final ConnectionGauge NONE = new ConnectionGauge();

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** The most connections open at one time so far. */
    public int peak() {
        return peak.get();
    }

    Open open() {
        peak.accumulateAndGet(open.incrementAndGet(), Math::max);
        return open::decrementAndGet;
    }

    /** One open connection, counted until closed. */
    interface Open extends AutoCloseable {
        @Override
        void close();
    }
}
