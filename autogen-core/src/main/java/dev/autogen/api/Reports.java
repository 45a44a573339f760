package dev.autogen.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What autogen says about a result, in Alembic's manner and the same words on every front end (the command
 * line prints these lines, the Maven plugin logs them). Every line is {@link TerminalText}: text from files,
 * entities and databases is shown inert.
 */
public final class Reports {

    private Reports() {}

    /** Revision ids as a list ({@code base} for none), sorted so that the same set reads the same. */
    public static String revisions(Collection<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", new TreeSet<>(ids));
    }

    /** What autogenerate found for a new revision; nothing when it was written by hand. */
    public static List<String> revision(RevisionResult result, boolean autogenerate) {
        List<String> lines = new ArrayList<>();
        if (autogenerate) {
            boolean database = result.source() == null || result.source() == ComparedWith.DATABASE;
            if (!database) {
                lines.add(TerminalText.of("Compared the entities with " + result.comparedWith() + "."));
            }
            if (result.changes().isEmpty()) {
                lines.add(
                        database
                                ? "No changes: the database matches the entities."
                                : "No changes: the history's schema matches the entities.");
            } else {
                lines.add("Detected " + count(result.changes().size(), "change") + ":");
                result.changes().forEach(change -> lines.add(TerminalText.of("  " + change)));
            }
        }
        return lines;
    }

    /** The line that says which file a revision wrote ({@code shown} spells its path), or that it wrote none. */
    public static String written(RevisionResult result, Function<Path, String> shown) {
        return result.written().isPresent()
                ? TerminalText.of("Wrote " + shown.apply(result.file()) + " (revision " + result.id() + ", after "
                        + revisions(result.revises()) + ")")
                : "No file written (--allow-empty writes one anyway).";
    }

    /**
     * The differences {@code check} found; {@code current} is asked only when there are some, to say first
     * that pending migrations account for part of them.
     */
    public static List<String> check(List<Change> differences, Supplier<Current> current) {
        if (differences.isEmpty()) {
            return List.of("No differences: the database matches the entities.");
        }
        List<String> lines = new ArrayList<>();
        Current at = current.get();
        if (!at.atHeads()) {
            lines.add(TerminalText.of("The database is at "
                    + revisions(at.revisions().stream()
                            .map(entry -> entry.revision().id())
                            .toList())
                    + ", not at head: 'autogen upgrade head' applies the migrations it lacks, whose changes are"
                    + " among the differences below."));
        }
        lines.add(count(differences.size(), "difference") + " between the database and the entities:");
        differences.forEach(change -> lines.add(TerminalText.of("  " + change)));
        return lines;
    }

    /** What {@code drift} found changed by hand, and the two ways out. */
    public static List<String> drift(List<Change> drift) {
        if (drift.isEmpty()) {
            return List.of("No drift: the database is what its migrations made it.");
        }
        List<String> lines = new ArrayList<>();
        lines.add(count(drift.size(), "change") + " made to the database outside its migrations:");
        drift.forEach(change -> lines.add(TerminalText.of("  " + change)));
        lines.add("Keep them: write a migration that makes them (autogen revision -m ..., by hand), then"
                + " autogen stamp it. Or undo them in the database.");
        return lines;
    }

    /** The revisions a database is at, each on a line or in full. */
    public static List<String> current(Current current, boolean verbose) {
        List<String> lines = new ArrayList<>();
        if (current.interrupted() != null) {
            lines.add(TerminalText.of(current.interrupted()));
        }
        if (current.revisions().isEmpty()) {
            lines.add("base (no revision applied)");
        }
        for (HistoryEntry entry : current.revisions()) {
            if (verbose) {
                lines.addAll(inFull(entry));
            } else {
                lines.add(TerminalText.of(entry.revision().id() + (entry.head() ? " (head)" : "") + ", "
                        + entry.revision().title()));
            }
        }
        return lines;
    }

    /** A history, newest first, a line a revision or each in full. */
    public static List<String> history(List<HistoryEntry> entries, boolean verbose) {
        List<String> lines = new ArrayList<>();
        entries.forEach(entry -> {
            if (verbose) {
                lines.addAll(inFull(entry));
            } else {
                lines.add(line(entry));
            }
        });
        return lines;
    }

    /** {@code parents -> id (head) (current) (branchpoint) (mergepoint), message}. */
    public static String line(HistoryEntry entry) {
        RevisionInfo revision = entry.revision();
        StringBuilder line = new StringBuilder(
                        revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises()))
                .append(" -> ")
                .append(revision.id());
        revision.branchLabels().forEach(label -> line.append(" (").append(label).append(')'));
        line.append(marks(entry));
        if (revision.isSquash()) {
            line.append(" (squashes ")
                    .append(String.join(", ", revision.replaces()))
                    .append(')');
        }
        return TerminalText.of(line.append(", ").append(revision.title()).toString());
    }

    /** A revision in full, as {@code history -v} shows it, with a blank line after. */
    public static List<String> inFull(HistoryEntry entry) {
        RevisionInfo revision = entry.revision();
        List<String> lines = new ArrayList<>();
        lines.add("Rev: " + revision.id() + marks(entry));
        lines.add((revision.isMerge() ? "Merges: " : "Parent: ")
                + (revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises())));
        if (!revision.branchLabels().isEmpty()) {
            lines.add("Branch names: " + String.join(", ", revision.branchLabels()));
        }
        if (!revision.dependsOn().isEmpty()) {
            lines.add("Depends on: " + String.join(", ", revision.dependsOn()));
        }
        if (revision.isSquash()) {
            lines.add("Squashes: " + String.join(", ", revision.replaces()));
        }
        lines.add("Created: " + revision.created());
        lines.add("Path: " + entry.origin());
        for (AppliedStep step : entry.applied()) {
            lines.add("Applied: " + step.direction().word() + " " + step.at() + " by " + step.by()
                    + (step.durationMillis() == null ? "" : " in " + step.durationMillis() + " ms")
                    + (step.note() == null ? "" : " (" + step.note() + ")"));
        }
        lines.add("");
        revision.message().lines().forEach(l -> lines.add("    " + l));
        lines.add("");
        return lines.stream().map(TerminalText::of).toList();
    }

    private static String marks(HistoryEntry entry) {
        return (entry.head() ? " (head)" : "")
                + (entry.current() ? " (current)" : "")
                + (entry.branchPoint() ? " (branchpoint)" : "")
                + (entry.mergePoint() ? " (mergepoint)" : "");
    }

    /** The end of an upgrade or downgrade: where the database is now. */
    public static List<String> run(RunResult result) {
        List<String> lines = new ArrayList<>();
        if (result.steps().isEmpty()) {
            lines.add("Nothing to do.");
        }
        lines.add(TerminalText.of("Now at: " + revisions(result.after())));
        return lines;
    }

    /**
     * A fleet run's table, a row a target (its revisions before and after, its time, and what happened), then
     * the summary line.
     */
    public static List<String> fleet(FleetReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "BEFORE", "AFTER", "TIME", "RESULT"});
        for (TargetOutcome o : report.outcomes()) {
            String result = o.status().word()
                    + (o.error() != null ? ": " + o.error() : o.detail().isEmpty() ? "" : " (" + o.detail() + ")");
            rows.add(new String[] {
                o.target(),
                o.status() == TargetOutcome.Status.SKIPPED ? "-" : revisions(o.before()),
                o.status() == TargetOutcome.Status.SKIPPED ? "-" : revisions(o.after()),
                o.status() == TargetOutcome.Status.SKIPPED ? "-" : o.took().toMillis() + " ms",
                result
            });
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            lines.add(TerminalText.of(line.append(row[4]).toString()));
        }
        lines.add(summary(report));
        return lines;
    }

    /** {@code 200 targets: 198 ok, 1 failed, 1 skipped in 4.2 s, at most 4 connections open}. */
    public static String summary(FleetReport report) {
        List<String> counts = new ArrayList<>();
        for (TargetOutcome.Status status : TargetOutcome.Status.values()) {
            long n = report.count(status);
            if (n > 0) {
                counts.add(n + " " + status.word());
            }
        }
        return count(report.outcomes().size(), "target") + ": "
                + (counts.isEmpty() ? "none run" : String.join(", ", counts)) + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", report.took().toMillis() / 1000.0)
                + ", at most " + count(report.peakConnections(), "connection") + " open";
    }

    /** One line for a migration applied or undone. */
    public static String step(StepResult step) {
        return TerminalText.of("Done: " + step.direction().word() + " " + step.revision() + ", "
                + step.message().lines().findFirst().orElse("") + " (" + step.statements() + " statements, "
                + step.durationMillis() + " ms)");
    }

    /**
     * A listener that reports each migration as it starts and ends, so a failure after ten shows the ten,
     * and waits for the lock or a long statement as they happen.
     */
    public static RunListener progress(Consumer<String> out) {
        return new Progress(out);
    }

    private record Progress(Consumer<String> out) implements RunListener {
        @Override
        public void started(RevisionInfo revision, Direction direction, int statements) {
            out.accept(TerminalText.of("Running " + direction.word() + " " + revision.id() + ", " + revision.title()
                    + " (" + count(statements, "statement") + ")"));
        }

        @Override
        public void finished(StepResult step) {
            step.outsideTransaction()
                    .forEach(sql -> out.accept(
                            TerminalText.of("  ran on its own, outside the migration's transaction: " + sql)));
            out.accept("  done in " + step.durationMillis() + " ms");
        }

        @Override
        public void stillRunning(RevisionInfo revision, String statement, Duration elapsed) {
            out.accept(TerminalText.of("  still running after " + elapsed.toSeconds() + " s: " + statement));
        }

        @Override
        public void waitingForLock(String holder, Duration waited) {
            out.accept(TerminalText.of(
                    (waited.toSeconds() == 0 ? "Waiting" : "Still waiting after " + waited.toSeconds() + " s")
                            + " for the migration lock, held by " + holder));
        }

        @Override
        public void retrying(RevisionInfo revision, String why, Duration pause, int attempt) {
            out.accept(TerminalText.of("  " + why));
            out.accept("  trying again in " + pause.toSeconds() + " s (try " + attempt + ")");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
