package dev.autogen.cli;

import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.operations.Operation;
import dev.autogen.testing.Pg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Migrations a test writes itself, from operations, into a project's {@code migrations} directory. */
final class HandWritten {

    private HandWritten() {}

    /** Revision {@code id} after {@code parent} (none: the first), in package {@code packageName}. */
    static void migration(Path project, String packageName, String id, String parent, List<Operation> upgrade)
            throws IOException {
        MigrationSource source = Pg.writer(packageName)
                .write(
                        RevisionInfo.of(
                                id,
                                parent == null ? List.of() : List.of(parent),
                                "step " + id,
                                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(id.hashCode() % 100)),
                        upgrade);
        Path file = project.resolve("migrations").resolve(source.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.source());
    }
}
