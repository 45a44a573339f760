package dev.autogen.codegen;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a migration's header says about its revision. */
public record RevisionInfo(
        String id, List<String> revises, String message, Instant created, List<String> branchLabels, List<String> dependsOn) {

    public RevisionInfo {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public static RevisionInfo of(String id, List<String> revises, String message, Instant created) {
        return new RevisionInfo(id, revises, message, created, List.of(), List.of());
    }
}
