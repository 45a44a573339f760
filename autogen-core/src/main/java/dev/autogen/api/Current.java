package dev.autogen.api;

import java.util.List;

/**
 * The revisions the database is at (none: base), and whether those are all the heads. A revision the
 * version table names but no migration has is listed with the message {@code (no migration has this revision)}.
 * {@code interrupted} says which migration an earlier run left part done, and how to finish or undo it;
 * {@code null} when none.
 */
public record Current(List<HistoryEntry> revisions, boolean atHeads, String interrupted) {

    public Current {
        revisions = List.copyOf(revisions);
    }

    /** Nothing interrupted. */
    public Current(List<HistoryEntry> revisions, boolean atHeads) {
        this(revisions, atHeads, null);
    }
}
