package dev.autogen.api;

import dev.autogen.revision.RevisionNode;
import java.util.List;

/** The revisions the database is at (none: base), and whether those are all the heads. */
public record Current(List<RevisionNode> revisions, boolean atHeads) {

    public Current {
        revisions = List.copyOf(revisions);
    }
}
