package dev.autogen.internal.autogenerate;

import dev.autogen.api.Project;
import dev.autogen.internal.entities.EntityModel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The entities' model, read on a thread of its own while the command does what needs no model: loading
 * the migrations, connecting, reading the database's catalog. Reading the entities (Hibernate's boot) is
 * most of a command's time when the model is not cached, and it waits on nothing the rest does.
 * Closing closes the model, at once or, if it is still being read, as soon as it is: never waiting for it.
 */
public final class PendingEntityModel implements AutoCloseable {

    private final CompletableFuture<EntityModel> model = new CompletableFuture<>();
    private volatile long millis;

    private PendingEntityModel() {}

    /** In the cache directory, beside the compiled migrations: the entity models kept between commands. */
    public static Path cacheDir(Project project) {
        return project.cacheDir().resolve("entity-models");
    }

    public static PendingEntityModel start(Supplier<EntityModel> read) {
        PendingEntityModel pending = new PendingEntityModel();
        Thread thread = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        EntityModel model = read.get();
                        pending.millis = (System.nanoTime() - start) / 1_000_000;
                        pending.model.complete(model);
                    } catch (Throwable e) {
                        pending.model.completeExceptionally(e);
                    }
                },
                "autogen-entities");
        // A command that fails before it needs the model exits without waiting for it.
        thread.setDaemon(true);
        thread.start();
        return pending;
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
