package dev.autogen.cli;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.HistoryEntry;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunResult;
import dev.autogen.api.StepResult;
import dev.autogen.api.TerminalText;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.TreeSet;

/** How revisions and runs are printed, in Alembic's manner; text from files and databases printed inert. */
final class Format {

    private Format() {}

    static String revisions(Collection<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", new TreeSet<>(ids));
    }

    /** {@code parents -> id (head) (current) (branchpoint) (mergepoint), message}. */
    static String line(HistoryEntry entry) {
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
        return text(line.append(", ").append(revision.title()).toString());
    }

    static void verbose(PrintWriter out, HistoryEntry entry) {
        RevisionInfo revision = entry.revision();
        out.println(text("Rev: " + revision.id() + marks(entry)));
        out.println(text((revision.isMerge() ? "Merges: " : "Parent: ")
                + (revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises()))));
        if (!revision.branchLabels().isEmpty()) {
            out.println(text("Branch names: " + String.join(", ", revision.branchLabels())));
        }
        if (!revision.dependsOn().isEmpty()) {
            out.println(text("Depends on: " + String.join(", ", revision.dependsOn())));
        }
        if (revision.isSquash()) {
            out.println(text("Squashes: " + String.join(", ", revision.replaces())));
        }
        out.println("Created: " + revision.created());
        out.println(text("Path: " + entry.origin()));
        for (AppliedStep step : entry.applied()) {
            out.println(text("Applied: " + step.direction().word() + " " + step.at() + " by " + step.by()
                    + (step.durationMillis() == null ? "" : " in " + step.durationMillis() + " ms")
                    + (step.note() == null ? "" : " (" + step.note() + ")")));
        }
        out.println();
        revision.message().lines().forEach(l -> out.println(text("    " + l)));
        out.println();
    }

    private static String marks(HistoryEntry entry) {
        return (entry.head() ? " (head)" : "")
                + (entry.current() ? " (current)" : "")
                + (entry.branchPoint() ? " (branchpoint)" : "")
                + (entry.mergePoint() ? " (mergepoint)" : "");
    }

    static void run(PrintWriter out, RunResult result) {
        if (result.steps().isEmpty()) {
            out.println("Nothing to do.");
        }
        out.println("Now at: " + text(revisions(result.after())));
    }

    /** One line for a migration applied or undone. */
    static String step(StepResult step) {
        return text("Done: " + step.direction().word() + " " + step.revision() + ", "
                + step.message().lines().findFirst().orElse("") + " (" + step.statements() + " statements, "
                + step.durationMillis() + " ms)");
    }

    /**
     * Text for a terminal: control characters (escape sequences among them) shown as {@code \x{..}},
     * never sent; line breaks and tabs kept.
     */
    static String text(String text) {
        return TerminalText.of(text);
    }
}
