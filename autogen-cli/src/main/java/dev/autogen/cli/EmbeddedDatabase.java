package dev.autogen.cli;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server for {@code url = embedded}: its data lives in {@code .autogen/pgdata} beside
 * the configuration and persists between commands; the server runs while one command does.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** The lock file zonky's EmbeddedPostgres holds in the data directory while it owns the server. */
    private static final String OWNER_LOCK = "epg-lock";

    private static final int STOP_WAIT_SECONDS = 15;

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts the server on {@code dataDirectory}. A server an earlier command left running (killed before
     * it could stop it) is stopped first, and {@code notes} told so; one a running command uses is not.
     */
    static EmbeddedDatabase start(Path dataDirectory, PrintWriter notes) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            stopOrphan(dataDirectory, notes);
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

    /** A server on a fresh data directory of its own, deleted when it stops. */
    static EmbeddedDatabase startThrowAway() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException | IllegalStateException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "a throw-away embedded database cannot start: " + e.getMessage(),
                    "give a database url to compare with instead",
                    e);
        }
    }

    /**
     * The server's owner holds a file lock in the data directory while it lives (the operating system drops
     * it when the owner dies, however it dies): a server whose lock is free has no owner left.
     */
    private static void stopOrphan(Path dataDirectory, PrintWriter notes) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (postmaster.isEmpty()) {
                return;
            }
            fastShutdown(postmaster.get());
            try {
                postmaster.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                postmaster.get().destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            notes.println("note: stopped the embedded PostgreSQL (pid " + pid
                    + ") an earlier autogen command left running in " + dataDirectory);
            notes.flush();
        } catch (OverlappingFileLockException | NumberFormatException | IndexOutOfBoundsException e) {
            // Held in this JVM, or a pid file being written: not an orphan of ours.
        }
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: it ends the sessions (a killed command's statement may still be
     * running) and stops cleanly. SIGTERM, all Java can send, would wait for those sessions.
     */
    private static void fastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException noKill) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
