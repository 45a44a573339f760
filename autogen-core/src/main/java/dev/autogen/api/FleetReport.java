package dev.autogen.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one command did over a fleet: each target's outcome in the targets' order, how long the whole took,
 * and the most connections it had open at once. Written as JSON ({@link #toJson}) it is the report file a
 * later run resumes from ({@link #fromJson}, {@link #unfinished}).
 *
 * @param command the command and its argument ({@code upgrade head})
 * @param peakConnections the most connections to the targets open at one time
 */
public record FleetReport(String command, List<TargetOutcome> outcomes, Duration took, int peakConnections) {

    public FleetReport {
        outcomes = List.copyOf(outcomes);
    }

    /** How many targets ended {@code status}. */
    public long count(TargetOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Whether every target was done without error (a difference {@code check} found is not an error). */
    public boolean succeeded() {
        return count(TargetOutcome.Status.FAILED) == 0 && count(TargetOutcome.Status.SKIPPED) == 0;
    }

    /** The targets this run did not finish: failed, or not started. A resume runs these, and any new target. */
    public Set<String> unfinished() {
        return outcomes.stream()
                .filter(o -> o.status() == TargetOutcome.Status.FAILED || o.status() == TargetOutcome.Status.SKIPPED)
                .map(TargetOutcome::target)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The targets this run finished (done, with or without differences). */
    public Set<String> finished() {
        return outcomes.stream()
                .filter(o -> o.status() == TargetOutcome.Status.OK || o.status() == TargetOutcome.Status.DIFFERS)
                .map(TargetOutcome::target)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The report as JSON: {@code {"command": ..., "tookMs": ..., "peakConnections": ..., "summary": {"ok": ...,
     * "differs": ..., "failed": ..., "skipped": ...}, "targets": [{"target": ..., "status": ..., "before":
     * [...], "after": [...], "tookMs": ..., "detail": ..., "error": ... or null}]}}, one target a line.
     */
    public String toJson() {
        return FleetReportJson.write(this);
    }

    /** A report {@link #toJson} wrote; a one-line error naming what is wrong when it is not one. */
    public static FleetReport fromJson(String json) {
        return FleetReportJson.read(json);
    }
}
