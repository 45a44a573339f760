package dev.autogen.api;

/**
 * One revision as {@code history} shows it, with what is special about it.
 *
 * @param origin where its migration came from: a source file or a class name
 */
public record HistoryEntry(
        RevisionInfo revision, String origin, boolean current, boolean head, boolean branchPoint, boolean mergePoint) {}
