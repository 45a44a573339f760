package dev.autogen.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A revision's header: what its migration's {@code @Revision} says, and what a new migration's header
 * will say.
 *
 * @param revises the revisions it follows: none for a first revision, two or more for a merge
 * @param dependsOn revisions that must be applied before it, without making it their child
 */
public record RevisionInfo(
        String id,
        List<String> revises,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        Instant created) {

    public RevisionInfo {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
    }

    public static RevisionInfo of(String id, List<String> revises, String message, Instant created) {
        return new RevisionInfo(id, revises, List.of(), List.of(), message, created);
    }

    public boolean isMerge() {
        return revises.size() > 1;
    }

    /** The message's first line, for one-line listings. */
    public String title() {
        return message.lines().findFirst().orElse("");
    }
}
