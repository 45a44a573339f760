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
 * @param source what autogenerate compared the entities with, or {@code null} without autogenerate
 * @param sourceDetail why, for a comparison that could not be the usual one (the history run on a
 *     throw-away database: which step only a database can run); {@code null} otherwise
 * @param notReproduced what a baseline found in the database and does not create (views, partitioning,
 *     triggers, ...), one line each; empty otherwise
 */
public record RevisionResult(
        Path file,
        String id,
        List<String> revises,
        List<Change> changes,
        List<Stage> stages,
        ComparedWith source,
        String sourceDetail,
        List<String> notReproduced) {

    public RevisionResult {
        revises = List.copyOf(revises);
        changes = List.copyOf(changes);
        stages = List.copyOf(stages);
        notReproduced = List.copyOf(notReproduced);
    }

    public RevisionResult(
            Path file, String id, List<String> revises, List<Change> changes, List<Stage> stages, ComparedWith source) {
        this(file, id, revises, changes, stages, source, null, List.of());
    }

    public RevisionResult(Path file, String id, List<String> revises, List<Change> changes, List<Stage> stages) {
        this(file, id, revises, changes, stages, null);
    }

    /**
     * What autogenerate compared the entities with, as a sentence says it ("the database", "the history,
     * run on a throw-away database (...)"), or {@code null} without autogenerate.
     */
    public String comparedWith() {
        return source == null ? null : source.words() + (sourceDetail == null ? "" : " (" + sourceDetail + ")");
    }

    public Optional<Path> written() {
        return Optional.ofNullable(file);
    }
}
