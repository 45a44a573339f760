package dev.autogen.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A revision made, or not.
 *
 * @param file the file written, or {@code null} when autogenerate found nothing and no file was asked for
 * @param changes what the upgrade does, one entry per operation
 * @param stages how long each stage took
 * @param comparedWith what autogenerate compared the entities with ("the database", "the history,
 *     replayed in memory", ...), or {@code null} without autogenerate
 * @param notReproduced what a baseline found in the database and does not create (views, partitioning,
 *     triggers, ...), one line each; empty otherwise
 */
public record RevisionResult(
        Path file,
        String id,
        List<String> revises,
        List<Change> changes,
        List<Stage> stages,
        String comparedWith,
        List<String> notReproduced) {

    public RevisionResult {
        revises = List.copyOf(revises);
        changes = List.copyOf(changes);
        stages = List.copyOf(stages);
        notReproduced = List.copyOf(notReproduced);
    }

    public RevisionResult(
            Path file, String id, List<String> revises, List<Change> changes, List<Stage> stages, String comparedWith) {
        this(file, id, revises, changes, stages, comparedWith, List.of());
    }

    public RevisionResult(Path file, String id, List<String> revises, List<Change> changes, List<Stage> stages) {
        this(file, id, revises, changes, stages, null);
    }

    public Optional<Path> written() {
        return Optional.ofNullable(file);
    }
}
