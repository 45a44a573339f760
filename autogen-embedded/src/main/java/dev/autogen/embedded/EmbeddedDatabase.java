package dev.autogen.embedded;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A real PostgreSQL server for {@code url = embedded}: its data lives in {@code .autogen/pgdata} beside
 * the configuration and persists between commands; the server runs while one command does.
 *
 * <p>The server is private to the account that owns its data: it listens on the loopback interface only,
 * has no Unix socket, and asks every client for the password kept beside the data directory
 * ({@link EmbeddedPassword}), which only that account can read. Without that, any user of the machine could
 * connect as the superuser while a command runs and write files or run programs as its owner.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The lock file zonky's EmbeddedPostgres holds in the data directory while it owns the server. */
    private static final String OWNER_LOCK = "epg-lock";

    private static final int STOP_WAIT_SECONDS = 15;

    /** Beside the data directory: held by the command whose turn it is, for as long as it runs. */
    private static final String TURN_SUFFIX = ".turn";

    private final EmbeddedPostgres server;
    private final FileChannel turn;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, FileChannel turn, String password) {
        this.server = server;
        this.turn = turn;
        this.password = password;
    }

    /**
     * Starts the server on {@code dataDirectory}, once no other command uses it: commands started together
     * take turns, each waiting at most {@code wait}, and {@code notes} hears that one waits. A server an
     * earlier command left running (killed before it could stop it) is stopped first, and {@code notes} told
     * so; one a running command uses is not. {@code version} picks the server's version ({@code null}: the
     * one that made the directory, or for a new one the one on the classpath); a data directory made by
     * another major version is refused, not upgraded.
     */
    public static EmbeddedDatabase start(Path dataDirectory, String version, Consumer<String> notes, Duration wait) {
        FileChannel turn = null;
        try {
            Files.createDirectories(dataDirectory.getParent());
            turn = takeTurn(dataDirectory, notes, wait);
            stopOrphan(dataDirectory, notes);
            boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            String running = fresh ? version : versionFor(dataDirectory, version);
            EmbeddedPassword password = EmbeddedPassword.of(dataDirectory, fresh);
            EmbeddedPostgres.Builder builder = PostgresBinaries.of(running, EmbeddedPostgres.builder())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            EmbeddedDatabase database =
                    new EmbeddedDatabase(password.configure(builder, fresh).start(), turn, password.value());
            if (password.securesOlderData()) {
                try {
                    database.requirePassword(dataDirectory, notes);
                } catch (RuntimeException e) {
                    database.close();
                    throw e;
                }
            }
            return database;
        } catch (IllegalStateException e) {
            closeQuietly(turn);
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "the embedded database in " + dataDirectory + " cannot start: " + e.getMessage(),
                    "another autogen command may be using it; wait for it to finish",
                    e);
        } catch (IOException e) {
            closeQuietly(turn);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(turn);
            throw e;
        }
    }

    /**
     * The version an existing data directory runs on: {@code version}, or when it is not set the one that made
     * the directory, so that a new default never strands one. Only its own major version can start a
     * directory: another would fail with a server log the user never sees, so say which made it and what to do.
     */
    private static String versionFor(Path dataDirectory, String version) throws IOException {
        Path file = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(file)) {
            return version;
        }
        String made = Files.readString(file).strip();
        String running = version == null && PostgresBinaries.TESTED.containsKey(made) ? made : version;
        String wanted = PostgresBinaries.major(running);
        if (!made.equals(wanted)) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "the embedded database in " + dataDirectory + " was made by PostgreSQL " + made
                            + ", and embedded.version asks for " + wanted,
                    "set embedded.version = " + made + ", or move " + dataDirectory + " away to start afresh on "
                            + wanted + " (its data stays in the old directory)");
        }
        return running;
    }

    /**
     * Waits for the turn file's lock, which the operating system drops when its holder ends, however it
     * ends: a command that was killed never holds up the next one.
     */
    private static FileChannel takeTurn(Path dataDirectory, Consumer<String> notes, Duration wait) throws IOException {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + TURN_SUFFIX);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException heldHere) {
                // Another command in this same JVM has the turn: wait for it like any other.
            }
            if (System.nanoTime() >= deadline) {
                channel.close();
                throw new AutogenException(
                        ErrorCode.LOCK_TIMEOUT,
                        "another autogen command has used the embedded database in " + dataDirectory + " for more than "
                                + wait.toSeconds() + " s",
                        "wait for it to finish, or raise lock.wait");
            }
            if (!told) {
                notes.accept("Waiting for another autogen command that uses the embedded database in " + dataDirectory
                        + " to finish");
                told = true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new AutogenException(
                        ErrorCode.CANCELLED, "waiting for the embedded database: interrupted", "nothing ran");
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing gives the turn back; a failure to close ends with the process anyway.
            }
        }
    }

    /** A server on a fresh data directory of its own, deleted when it stops. */
    public static EmbeddedDatabase startThrowAway(String version) {
        try {
            EmbeddedPassword password = EmbeddedPassword.throwAway();
            try {
                EmbeddedPostgres.Builder builder = PostgresBinaries.of(version, EmbeddedPostgres.builder());
                return new EmbeddedDatabase(password.configure(builder, true).start(), null, password.value());
            } finally {
                password.forgetFile();
            }
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
    private static void stopOrphan(Path dataDirectory, Consumer<String> notes) throws IOException {
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
            notes.accept("note: stopped the embedded PostgreSQL (pid " + pid
                    + ") an earlier autogen command left running in " + dataDirectory);
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

    public ConnectionSettings connection() {
        return new ConnectionSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", password);
    }

    /**
     * A data directory an earlier autogen created let every local client in without a password: the
     * superuser gets this directory's password, and the server asks for it from now on.
     */
    private void requirePassword(Path dataDirectory, Consumer<String> notes) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password " + EmbeddedPassword.literal(password));
            EmbeddedPassword.writeAccessRules(dataDirectory);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_UNREACHABLE,
                    "the embedded database in " + dataDirectory + " cannot be given a password: " + e.getMessage(),
                    "delete " + dataDirectory + " to start afresh (its data is lost)",
                    e);
        }
        notes.accept("note: the embedded database in " + dataDirectory
                + " now asks for the password kept in " + EmbeddedPassword.fileOf(dataDirectory)
                + " (it let every local user in before)");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(turn);
        }
    }
}
