package dev.autogen.api;

import java.time.Duration;

/**
 * Where a fleet run stands.
 *
 * @param done targets done (with or without differences)
 * @param running targets running now
 * @param failed targets failed or skipped
 * @param left targets not started yet
 * @param elapsed time since the run began
 */
public record FleetProgress(int done, int running, int failed, int left, Duration elapsed) {

    /** How long the rest should take at the pace so far; {@code null} before any target has ended. */
    public Duration estimate() {
        int ended = done + failed;
        if (ended == 0) {
            return null;
        }
        return elapsed.multipliedBy(running + left).dividedBy(ended);
    }

    /** The progress line: {@code 120 done, 4 running, 1 failed, 75 left, 12 s, about 8 s to go}. */
    public String line() {
        Duration estimate = estimate();
        return done + " done, " + running + " running, " + failed + " failed, " + left + " left, " + seconds(elapsed)
                + (estimate == null || running + left == 0 ? "" : ", about " + seconds(estimate) + " to go");
    }

    private static String seconds(Duration time) {
        return time.toMillis() < 10_000
                ? String.format(java.util.Locale.ROOT, "%.1f s", time.toMillis() / 1000.0)
                : time.toSeconds() + " s";
    }
}
