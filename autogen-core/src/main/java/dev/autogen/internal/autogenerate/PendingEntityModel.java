package dev.autogen.internal.autogenerate;

import dev.autogen.api.Project;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.text.AtomicFile;
import dev.autogen.internal.workspace.OwnThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The entities' model, read on a thread of its own while the command does what needs no model: loading
 * the migrations, connecting, reading the database's catalog. Reading the entities (Hibernate's boot) is
 * most of a command's time when the model is not cached, and it waits on nothing the rest does.
 * Closing closes the model, at once or, if it is still being read, as soon as it is: never waiting for it.
 */
public final class PendingEntityModel implements AutoCloseable {

    /** Where the server version last seen is kept: in the project's cache, beside the entity models. */
    private static final String SERVER_VERSION = "server-version";

    private final Function<Dialect, EntityModel> read;
    private final Dialect dialect;
    private final Path memory;
    private volatile CompletableFuture<EntityModel> model;
    private volatile Dialect readFor;
    private volatile long millis;

    private PendingEntityModel(Function<Dialect, EntityModel> read, Dialect dialect, Path memory) {
        this.read = read;
        this.dialect = dialect;
        this.memory = memory;
    }

    /** In the cache directory, beside the compiled migrations: the entity models kept between commands. */
    public static Path cacheDir(Project project) {
        return project.cacheDir().resolve("entity-models");
    }

    /** Starts reading the entities for {@code dialect} as it is, for a comparison with no server. */
    public static PendingEntityModel start(Function<Dialect, EntityModel> read, Dialect dialect) {
        PendingEntityModel pending = new PendingEntityModel(read, dialect, null);
        pending.begin(dialect);
        return pending;
    }

    /**
     * For a comparison with this project's database, whose version decides some of Hibernate's DDL: starts
     * reading the entities at the version the server had last time, kept in {@code project}'s cache; with
     * none kept, the read begins once {@link #confirm} gives the version. Should the server turn out to be
     * another, {@link #confirm} reads them again.
     */
    public static PendingEntityModel startForServer(
            Function<Dialect, EntityModel> read, Dialect dialect, Project project) {
        PendingEntityModel pending =
                new PendingEntityModel(read, dialect, project.cacheDir().resolve(SERVER_VERSION));
        pending.lastSeen().ifPresent(version -> pending.begin(dialect.atServerVersion(version)));
        return pending;
    }

    /** Once connected: the model is for the server's {@code version}, read (again) when it is not yet. */
    public synchronized void confirm(String version) {
        Dialect atServer = dialect.atServerVersion(version);
        if (model == null) {
            begin(atServer);
        } else if (!atServer.hibernateDatabaseVersion().equals(readFor.hibernateDatabaseVersion())) {
            model.thenAccept(EntityModel::close);
            begin(atServer);
        }
        if (memory != null && !lastSeen().equals(Optional.of(version))) {
            try {
                AtomicFile.write(memory, version.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Only a guess for next time: without it the next command waits for the version.
            }
        }
    }

    private Optional<String> lastSeen() {
        try {
            String version = memory == null ? "" : Files.readString(memory).strip();
            return version.matches("\\d{1,3}") ? Optional.of(version) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void begin(Dialect dialect) {
        CompletableFuture<EntityModel> next = new CompletableFuture<>();
        readFor = dialect;
        model = next;
        Thread thread = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        EntityModel read = this.read.apply(dialect);
                        millis = (System.nanoTime() - start) / 1_000_000;
                        next.complete(read);
                    } catch (Throwable e) {
                        next.completeExceptionally(e);
                    }
                },
                "autogen-entities");
        // A command that fails before it needs the model exits without waiting for it.
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The dialect the model is read for: at the server's version once {@link #confirm}ed, as it is when no
     * server was asked. The forms a revision chooses follow it (PostgreSQL 18 adds NOT NULL not valid).
     */
    public Dialect readFor() {
        return readFor == null ? dialect : readFor;
    }

    /** The model, once read; what the read threw is thrown here, as it was thrown. */
    public EntityModel get() {
        synchronized (this) {
            if (model == null) {
                // Nobody said which server: the dialect as it is.
                begin(dialect);
            }
        }
        return OwnThread.join(model);
    }

    /** How long the read took, once {@link #get()} has returned. */
    public long millis() {
        return millis;
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.thenAccept(EntityModel::close);
        }
    }
}
