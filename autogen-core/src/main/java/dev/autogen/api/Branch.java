package dev.autogen.api;

import java.util.List;

/** A revision that two or more revisions follow, and those revisions. */
public record Branch(RevisionInfo point, List<RevisionInfo> next) {

    public Branch {
        next = List.copyOf(next);
    }
}
