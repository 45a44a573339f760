package dev.autogen;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Change;
import dev.autogen.api.Current;
import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetProgress;
import dev.autogen.api.FleetReport;
import dev.autogen.api.HistoryEntry;
import dev.autogen.api.LintFinding;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunResult;
import dev.autogen.api.Target;
import dev.autogen.api.TargetOutcome;
import dev.autogen.internal.fleet.FleetRun;
import dev.autogen.internal.workspace.ConnectionGauge;
import dev.autogen.internal.workspace.Workspace;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * autogen's verbs over many databases or schemas at once, each target with its own version table and
 * lock: the migrations are loaded once, at most {@link FleetOptions#parallel} targets run at a time on one
 * connection each, and every verb returns one {@link FleetReport}. A target's failure is its outcome, not
 * an exception; what committed of its failed migration was undone, as on one database.
 *
 * <pre>{@code
 * Fleet fleet = autogen.fleet(autogen.targets(new FleetTargets("tenant_*", null, null)),
 *         new FleetOptions(4, 1, false), FleetListener.NONE);
 * FleetReport report = fleet.upgrade("head");
 * }</pre>
 */
public final class Fleet {

    private final Workspace workspace;
    private final List<Target> targets;
    private final FleetOptions options;
    private final FleetListener listener;
    private final Set<Autogen> running = ConcurrentHashMap.newKeySet();
    /** Whether no two targets share a schema's name (schema-per-tenant), so their histories can share a scratch database. */
    private final boolean distinctSchemas;

    private volatile FleetRun run;

    Fleet(Workspace workspace, List<Target> targets, FleetOptions options, FleetListener listener) {
        this.workspace = workspace;
        this.targets = List.copyOf(targets);
        this.distinctSchemas = targets.stream().map(Target::schema).distinct().count() == targets.size();
        this.options = options;
        this.listener = listener;
    }

    /** The targets, in the order they start. */
    public List<Target> targets() {
        return targets;
    }

    public FleetReport upgrade(String revision) {
        return run("upgrade " + revision, autogen -> moved(autogen, () -> autogen.upgrade(revision)));
    }

    public FleetReport downgrade(String revision) {
        return run("downgrade " + revision, autogen -> moved(autogen, () -> autogen.downgrade(revision)));
    }

    /** Each target's revisions; one a run left inside a migration is a failure naming it. */
    public FleetReport current() {
        return run("current", autogen -> {
            Current current = autogen.current();
            List<String> at = ids(current.revisions());
            if (current.interrupted() != null) {
                return new Result(TargetOutcome.Status.FAILED, at, at, "", current.interrupted());
            }
            return new Result(TargetOutcome.Status.OK, at, at, current.atHeads() ? "at head" : "behind the head", null);
        });
    }

    /** Each target checked against the entities (mapped into its schema): it differs, or it does not. */
    public FleetReport check() {
        return run("check", autogen -> compared(autogen, autogen.check()));
    }

    /** Each target compared with what its own history builds. */
    public FleetReport drift() {
        return run("drift", autogen -> compared(autogen, autogen.drift()));
    }

    /**
     * The risks the migrations each target has still to run would take there (the whole history for a
     * target at base): it differs when there are some.
     */
    public FleetReport lint() {
        return run("lint", autogen -> {
            List<String> at = ids(autogen.current().revisions());
            // From where it is to the heads; a target at a merge's several parents is linted whole.
            String pending = at.isEmpty() ? ":" : at.size() == 1 ? at.get(0) + ":" : null;
            List<LintFinding> findings = autogen.lint(pending);
            if (findings.isEmpty()) {
                return new Result(TargetOutcome.Status.OK, at, at, "no risks", null);
            }
            String rules = findings.stream().map(LintFinding::rule).distinct().collect(Collectors.joining(", "));
            int n = findings.size();
            return new Result(
                    TargetOutcome.Status.DIFFERS, at, at, (n == 1 ? "1 risk" : n + " risks") + ": " + rules, null);
        });
    }

    /** Where the run going on now stands; empty when none is. */
    public java.util.Optional<FleetProgress> progress() {
        FleetRun current = run;
        return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.progress());
    }

    /** Stops a run from another thread: no target starts any more, and those running are cancelled. */
    public void cancel() {
        FleetRun current = run;
        if (current != null) {
            current.stop();
        }
        running.forEach(Autogen::cancel);
    }

    /** What a verb did on one target, before the time is added. */
    private record Result(
            TargetOutcome.Status status, List<String> before, List<String> after, String detail, String error) {}

    private FleetReport run(String command, Function<Autogen, Result> verb) {
        ConnectionGauge gauge = new ConnectionGauge();
        FleetRun fleetRun = new FleetRun(options, listener);
        run = fleetRun;
        long start = System.nanoTime();
        try {
            List<TargetOutcome> outcomes = fleetRun.run(targets, target -> {
                long began = System.nanoTime();
                Autogen autogen = new Autogen(workspace.onTarget(target, RunListener.NONE, gauge, distinctSchemas));
                running.add(autogen);
                Result result;
                try {
                    result = verb.apply(autogen);
                } catch (AutogenException e) {
                    List<String> now = revisionsOrNone(autogen);
                    result = new Result(TargetOutcome.Status.FAILED, now, now, "", e.getMessage());
                } catch (RuntimeException e) {
                    // One target's surprise is that target's failure: the others run on, or stop, as asked.
                    List<String> now = revisionsOrNone(autogen);
                    result = new Result(TargetOutcome.Status.FAILED, now, now, "", e + " (an autogen bug: report it)");
                } finally {
                    running.remove(autogen);
                }
                return new TargetOutcome(
                        target.name(),
                        result.status(),
                        result.before(),
                        result.after(),
                        Duration.ofNanos(System.nanoTime() - began),
                        result.detail(),
                        result.error() == null ? null : target.connection().mask(result.error()));
            });
            return new FleetReport(command, outcomes, Duration.ofNanos(System.nanoTime() - start), gauge.peak());
        } finally {
            run = null;
        }
    }

    private static Result moved(Autogen autogen, java.util.function.Supplier<RunResult> move) {
        List<String> before = revisionsOrNone(autogen);
        RunResult result;
        try {
            result = move.get();
        } catch (AutogenException e) {
            return new Result(TargetOutcome.Status.FAILED, before, revisionsOrNone(autogen), "", e.getMessage());
        }
        int steps = result.steps().size();
        return new Result(
                TargetOutcome.Status.OK,
                List.copyOf(result.before()),
                List.copyOf(result.after()),
                steps == 0 ? "nothing to do" : steps == 1 ? "1 migration" : steps + " migrations",
                null);
    }

    private static Result compared(Autogen autogen, List<Change> differences) {
        List<String> at = revisionsOrNone(autogen);
        int n = differences.size();
        return n == 0
                ? new Result(TargetOutcome.Status.OK, at, at, "no differences", null)
                : new Result(TargetOutcome.Status.DIFFERS, at, at, n == 1 ? "1 difference" : n + " differences", null);
    }

    /** The revisions a target is at, or none when even that cannot be read (the database is gone). */
    private static List<String> revisionsOrNone(Autogen autogen) {
        try {
            return ids(autogen.current().revisions());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> ids(Collection<HistoryEntry> entries) {
        return entries.stream().map(e -> e.revision().id()).toList();
    }
}
