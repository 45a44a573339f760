package dev.autogen.internal.fleet;

import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetProgress;
import dev.autogen.api.Target;
import dev.autogen.api.TargetOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one piece of work on every target of a fleet: at most {@code parallel} at once, the canaries first
 * (nothing else starts when one fails), then the rest, stopping the starts at the first failure unless told
 * to go on. A target that never starts is reported skipped; one running when the run stops finishes.
 */
public final class FleetRun {

    private final FleetOptions options;
    private final FleetListener listener;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger left = new AtomicInteger();
    private volatile long start = System.nanoTime();

    public FleetRun(FleetOptions options, FleetListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** Stops starting targets; those running finish (or are cancelled by their own means). */
    public void stop() {
        stopped.set(true);
    }

    /** Each target's outcome, in the targets' order; {@code work} turns its own failures into outcomes. */
    public List<TargetOutcome> run(List<Target> targets, Function<Target, TargetOutcome> work) {
        start = System.nanoTime();
        left.set(targets.size());
        TargetOutcome[] outcomes = new TargetOutcome[targets.size()];
        int canaries = Math.min(options.canary(), targets.size());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "autogen-fleet");
            thread.setDaemon(true);
            return thread;
        });
        try {
            runAll(pool, targets, 0, canaries, outcomes, work);
            if (canaries > 0 && failed.get() > 0) {
                stopped.set(true);
            }
            runAll(pool, targets, canaries, targets.size(), outcomes, work);
        } finally {
            pool.shutdownNow();
        }
        return List.of(outcomes);
    }

    private void runAll(
            ExecutorService pool,
            List<Target> targets,
            int from,
            int to,
            TargetOutcome[] outcomes,
            Function<Target, TargetOutcome> work) {
        List<Future<?>> started = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int index = i;
            started.add(pool.submit(() -> outcomes[index] = one(targets.get(index), work)));
        }
        for (Future<?> future : started) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped.set(true);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a fleet target's work failed unexpectedly", e.getCause());
            }
        }
    }

    private TargetOutcome one(Target target, Function<Target, TargetOutcome> work) {
        left.decrementAndGet();
        TargetOutcome outcome;
        if (stopped.get()) {
            outcome = new TargetOutcome(
                    target.name(),
                    TargetOutcome.Status.SKIPPED,
                    List.of(),
                    List.of(),
                    Duration.ZERO,
                    "not started: the run stopped before its turn",
                    null);
        } else {
            running.incrementAndGet();
            try {
                outcome = work.apply(target);
            } finally {
                running.decrementAndGet();
            }
        }
        if (outcome.status() == TargetOutcome.Status.FAILED || outcome.status() == TargetOutcome.Status.SKIPPED) {
            failed.incrementAndGet();
            if (outcome.status() == TargetOutcome.Status.FAILED && !options.continueOnError()) {
                stopped.set(true);
            }
        } else {
            done.incrementAndGet();
        }
        listener.ended(outcome, progress());
        return outcome;
    }

    /** Where the run stands now. */
    public FleetProgress progress() {
        return new FleetProgress(
                done.get(), running.get(), failed.get(), left.get(), Duration.ofNanos(System.nanoTime() - start));
    }
}
