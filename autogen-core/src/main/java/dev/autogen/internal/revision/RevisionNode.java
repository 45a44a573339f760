package dev.autogen.internal.revision;

import dev.autogen.api.RevisionInfo;
import dev.autogen.migration.Migration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revision: its header, where it came from, and the migration that carries it.
 *
 * @param origin where it came from (a source file or a class name), for messages
 */
public record RevisionNode(RevisionInfo info, String origin, Migration migration) {

    public RevisionNode {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(origin, "origin");
    }

    public String id() {
        return info.id();
    }

    public List<String> revises() {
        return info.revises();
    }

    public List<String> branchLabels() {
        return info.branchLabels();
    }

    public List<String> dependsOn() {
        return info.dependsOn();
    }

    public String message() {
        return info.message();
    }

    public Instant created() {
        return info.created();
    }

    public boolean isMerge() {
        return info.isMerge();
    }
}
