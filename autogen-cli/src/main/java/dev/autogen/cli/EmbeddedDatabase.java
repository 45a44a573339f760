package dev.autogen.cli;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server for {@code url = embedded}: its data lives in {@code .autogen/pgdata} beside
 * the configuration and persists between commands; the server runs while one command does.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start());
        } catch (IllegalStateException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "the embedded database in " + dataDirectory + " cannot start: " + e.getMessage(),
                    "another autogen command may be using it; wait for it to finish",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConnectionSettings connection() {
        return new ConnectionSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", null);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
