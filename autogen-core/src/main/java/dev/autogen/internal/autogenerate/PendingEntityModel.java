package dev.autogen.internal.autogenerate;

import dev.autogen.api.Project;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.entities.EntityModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The entities' model, read on a thread of its own while the command does what needs no model: loading
 * the migrations, connecting, reading the database's catalog. Reading the entities (Hibernate's boot) is
 * most of a command's time when the model is not cached, and it waits on nothing the rest does.
 * Closing closes the model, at once or, if it is still being read, as soon as it is: never waiting for it.
 */
public final class PendingEntityModel implements AutoCloseable {

    /** Where the server version last seen is kept, beside the entity models. */
    private static final String SERVER_VERSION = "server-version";

    private final Function<Dialect, EntityModel> read;
    private final Path cacheDir;
    private volatile CompletableFuture<EntityModel> model;
    private volatile Dialect readFor;
    private volatile long millis;

    private PendingEntityModel(Function<Dialect, EntityModel> read, Path cacheDir) {
        this.read = read;
        this.cacheDir = cacheDir;
    }

    /** In the cache directory, beside the compiled migrations: the entity models kept between commands. */
    public static Path cacheDir(Project project) {
        return project.cacheDir().resolve("entity-models");
    }

    /**
     * Starts reading the entities for {@code dialect} at the server version this project's database had last
     * time (Hibernate's DDL can depend on it); {@link #confirm} reads them again should the server turn out
     * to be another.
     */
    public static PendingEntityModel start(Function<Dialect, EntityModel> read, Dialect dialect, Path cacheDir) {
        PendingEntityModel pending = new PendingEntityModel(read, cacheDir);
        pending.begin(lastSeen(cacheDir).map(dialect::atServerVersion).orElse(dialect));
        return pending;
    }

    /** Once connected: the model is for {@code dialect} at the server's {@code version}, read again if need be. */
    public void confirm(Dialect dialect, String version) {
        Dialect atServer = dialect.atServerVersion(version);
        if (!atServer.hibernateDatabaseVersion().equals(readFor.hibernateDatabaseVersion())) {
            model.thenAccept(EntityModel::close);
            begin(atServer);
        }
        if (!lastSeen(cacheDir).equals(Optional.of(version))) {
            try {
                Files.createDirectories(cacheDir);
                Files.writeString(cacheDir.resolve(SERVER_VERSION), version);
            } catch (IOException e) {
                // Only a guess for next time: without it the next command may read the entities twice.
            }
        }
    }

    private static Optional<String> lastSeen(Path cacheDir) {
        try {
            String version = Files.readString(cacheDir.resolve(SERVER_VERSION)).strip();
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

    /** The model, once read; what the read threw is thrown here, as it was thrown. */
    public EntityModel get() {
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** How long the read took, once {@link #get()} has returned. */
    public long millis() {
        return millis;
    }

    @Override
    public void close() {
        model.thenAccept(EntityModel::close);
    }
}
