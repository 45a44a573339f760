package dev.autogen.revision;

import dev.autogen.migration.Migration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revision: its place in the graph and the migration that carries it.
 *
 * @param origin where it came from (a source file or a class name), for messages
 */
public record RevisionNode(
        String id,
        List<String> revises,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        Instant created,
        String origin,
        Migration migration) {

    public RevisionNode {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean isMerge() {
        return revises.size() > 1;
    }
}
