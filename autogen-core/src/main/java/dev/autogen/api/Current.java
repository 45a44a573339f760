package dev.autogen.api;

import java.util.List;

/**
 * The revisions the database is at (none: base), and whether those are all the heads. A revision the
 * version table names but no migration has is listed with the message {@code (no migration has this revision)}.
 */
public record Current(List<HistoryEntry> revisions, boolean atHeads) {

    public Current {
        revisions = List.copyOf(revisions);
    }
}
