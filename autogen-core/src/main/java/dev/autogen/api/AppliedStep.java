package dev.autogen.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a revision as the database's history table records it.
 *
 * @param durationMillis how long it ran, or {@code null} (a stamp, an offline script)
 * @param note what else the history says (an offline script, a partly applied step), or {@code null}
 */
public record AppliedStep(Direction direction, Instant at, String by, Long durationMillis, String note) {

    public AppliedStep {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
    }
}
