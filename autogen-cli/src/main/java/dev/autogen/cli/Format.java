package dev.autogen.cli;

import dev.autogen.api.HistoryEntry;
import dev.autogen.revision.RevisionNode;
import dev.autogen.runner.RunResult;
import dev.autogen.runner.StepResult;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.TreeSet;

/** How revisions and runs are printed, in Alembic's manner. */
final class Format {

    private Format() {}

    static String revisions(Collection<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", new TreeSet<>(ids));
    }

    /** {@code parents -> id (head) (current) (branchpoint) (mergepoint), message}. */
    static String line(HistoryEntry entry) {
        RevisionNode node = entry.revision();
        StringBuilder line = new StringBuilder(node.revises().isEmpty() ? "<base>" : String.join(", ", node.revises()))
                .append(" -> ").append(node.id());
        node.branchLabels().forEach(label -> line.append(" (").append(label).append(')'));
        if (entry.head()) {
            line.append(" (head)");
        }
        if (entry.current()) {
            line.append(" (current)");
        }
        if (entry.branchPoint()) {
            line.append(" (branchpoint)");
        }
        if (entry.mergePoint()) {
            line.append(" (mergepoint)");
        }
        return line.append(", ").append(firstLine(node.message())).toString();
    }

    static void verbose(PrintWriter out, HistoryEntry entry) {
        RevisionNode node = entry.revision();
        out.println("Rev: " + node.id() + (entry.head() ? " (head)" : "") + (entry.current() ? " (current)" : "")
                + (entry.branchPoint() ? " (branchpoint)" : "") + (entry.mergePoint() ? " (mergepoint)" : ""));
        out.println((node.isMerge() ? "Merges: " : "Parent: ") + (node.revises().isEmpty() ? "<base>" : String.join(", ", node.revises())));
        if (!node.branchLabels().isEmpty()) {
            out.println("Branch names: " + String.join(", ", node.branchLabels()));
        }
        if (!node.dependsOn().isEmpty()) {
            out.println("Depends on: " + String.join(", ", node.dependsOn()));
        }
        out.println("Created: " + node.created());
        out.println("Path: " + node.origin());
        out.println();
        node.message().lines().forEach(l -> out.println("    " + l));
        out.println();
    }

    static void run(PrintWriter out, RunResult result) {
        for (StepResult step : result.steps()) {
            out.println("Running " + step.direction().word() + " " + step.revision() + ", " + firstLine(step.message())
                    + " (" + step.statements() + " statements, " + step.durationMillis() + " ms)");
            step.outsideTransaction().forEach(sql -> out.println("  ran outside a transaction, as PostgreSQL requires: " + sql));
        }
        if (result.steps().isEmpty()) {
            out.println("Nothing to do.");
        }
        out.println("Now at: " + revisions(result.after()));
    }


    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }
}
