package dev.autogen.api;

import dev.autogen.revision.RevisionNode;

/** One revision as {@code history} shows it, with what is special about it. */
public record HistoryEntry(RevisionNode revision, boolean current, boolean head, boolean branchPoint, boolean mergePoint) {}
