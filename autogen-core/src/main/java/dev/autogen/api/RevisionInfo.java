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
 * @param replaces the revisions it squashes, first to last; empty for an ordinary revision
 */
public record RevisionInfo(
        String id,
        List<String> revises,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        Instant created,
        List<String> replaces) {

    public RevisionInfo {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
        replaces = List.copyOf(replaces);
    }

    /** A revision that squashes none. */
    public RevisionInfo(
            String id,
            List<String> revises,
            List<String> branchLabels,
            List<String> dependsOn,
            String message,
            Instant created) {
        this(id, revises, branchLabels, dependsOn, message, created, List.of());
    }

    /** Whether this revision squashes a range of others. */
    public boolean isSquash() {
        return !replaces.isEmpty();
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
