package dev.autogen.api;

/**
 * How a fleet runs.
 *
 * @param parallel how many targets run at once, each on one connection: never more connections than this
 *     are open at a time
 * @param canary how many targets, the first of the list, run before the others; if one of them fails, no
 *     other target starts
 * @param continueOnError whether the targets after a failure still run; by default (false) no target starts
 *     after the first failure, and those running finish
 */
public record FleetOptions(int parallel, int canary, boolean continueOnError) {

    /** One target at a time, no canary, stopping at the first failure. */
    public static final FleetOptions DEFAULT = new FleetOptions(1, 0, false);

    public FleetOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        if (canary < 0) {
            throw new IllegalArgumentException("canary must not be negative, not " + canary);
        }
    }
}
