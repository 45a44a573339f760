package dev.autogen.api;

import java.util.List;

/**
 * One revision as {@code history} shows it, with what is special about it.
 *
 * @param origin where its migration came from: a source file or a class name
 * @param applied its runs as the database's history table records them, oldest first; empty when the
 *     database was not asked
 */
public record HistoryEntry(
        RevisionInfo revision,
        String origin,
        boolean current,
        boolean head,
        boolean branchPoint,
        boolean mergePoint,
        List<AppliedStep> applied) {

    public HistoryEntry {
        applied = List.copyOf(applied);
    }

    public HistoryEntry(
            RevisionInfo revision,
            String origin,
            boolean current,
            boolean head,
            boolean branchPoint,
            boolean mergePoint) {
        this(revision, origin, current, head, branchPoint, mergePoint, List.of());
    }

    public HistoryEntry withApplied(List<AppliedStep> steps) {
        return new HistoryEntry(revision, origin, current, head, branchPoint, mergePoint, steps);
    }
}
