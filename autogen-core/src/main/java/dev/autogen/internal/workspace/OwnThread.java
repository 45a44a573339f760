package dev.autogen.internal.workspace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work a command starts on a daemon thread of its own (a command that fails before it needs the result
 * exits without waiting for it), and its result taken as though it had run on the caller's thread.
 */
public final class OwnThread {

    private OwnThread() {}

    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The result, once there; what the work threw is thrown here, as it was thrown. */
    public static <T> T join(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
