package dev.autogen.api;

import dev.autogen.operations.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A revision made, or not.
 *
 * @param file the file written, or {@code null} when autogenerate found nothing and no file was asked for
 * @param operations what the upgrade does
 * @param stages how long each stage took
 */
public record RevisionResult(Path file, String id, List<String> revises, List<Operation> operations, List<Stage> stages) {

    public RevisionResult {
        revises = List.copyOf(revises);
        operations = List.copyOf(operations);
        stages = List.copyOf(stages);
    }

    public Optional<Path> written() {
        return Optional.ofNullable(file);
    }
}
