package dev.autogen.api;

import java.time.Duration;
import java.util.List;

/**
 * What one command did on one target of a fleet.
 *
 * @param target the target's name
 * @param before the revisions it was at before, sorted; empty at base, or when it could not be read
 * @param after the revisions it is at now, sorted
 * @param took how long its part took
 * @param detail what happened, in a few words ({@code 2 migrations}, {@code 3 differences}); empty if
 *     nothing
 * @param error the one-line error of a failed target; {@code null} otherwise
 */
public record TargetOutcome(
        String target,
        Status status,
        List<String> before,
        List<String> after,
        Duration took,
        String detail,
        String error) {

    public TargetOutcome {
        before = before.stream().sorted().toList();
        after = after.stream().sorted().toList();
        detail = detail == null ? "" : detail;
    }

    /** How one target ended. */
    public enum Status {
        /** Done, and nothing to report. */
        OK,
        /** Done, and the database differs from the entities ({@code check}, {@code drift}). */
        DIFFERS,
        /** Stopped by an error: what committed of it was undone, step by step. */
        FAILED,
        /** Not started: the run stopped before its turn (an earlier failure, a failed canary, a cancel). */
        SKIPPED;

        /** The lower-case word reports use. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
