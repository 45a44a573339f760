package dev.autogen.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code revision} is asked for.
 *
 * @param revisionId the id to use, or {@code null} for a fresh random one
 * @param head the revision the new one follows ({@code base} for a new root), or {@code null} for the head
 * @param allowEmpty write a file even when autogenerate finds nothing to change
 */
public record RevisionRequest(
        String message,
        boolean autogenerate,
        String revisionId,
        String head,
        List<String> branchLabels,
        List<String> dependsOn,
        boolean allowEmpty,
        Instant created) {

    public RevisionRequest {
        Objects.requireNonNull(message, "message");
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(created, "created");
    }
}
