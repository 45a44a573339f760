package dev.autogen.internal.autogenerate;

import dev.autogen.api.LintFinding;
import dev.autogen.api.Settings;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.operations.Description;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.HistoryListing;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.migration.AcceptedRisk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code lint} finds in the migrations: each operation's risk on a busy table unless the migration
 * accepts it with a reason, an acceptance without one, and settings that make every risk worse.
 */
public final class Lint {

    private Lint() {}

    /**
     * The findings of the revisions in {@code range} ({@code FROM:TO}, one revision, or {@code null} for
     * all), their risks as {@code dialect} judges them.
     */
    public static List<LintFinding> of(RevisionGraph graph, String range, Dialect dialect, Settings settings) {
        List<RevisionNode> nodes;
        if (range == null) {
            nodes = graph.revisions();
        } else if (range.contains(":")) {
            String[] parts = range.split(":", 2);
            Set<String> from = parts[0].isEmpty() ? Set.of() : graph.resolve(parts[0], Set.of());
            nodes = graph.upgradePlan(from, graph.resolve(parts[1].isEmpty() ? "heads" : parts[1], from));
        } else {
            nodes = List.of(graph.node(HistoryListing.single(graph, range)).orElseThrow());
        }
        List<LintFinding> findings = new ArrayList<>();
        if (settings.runOptions().statementLockTimeout().isZero()) {
            findings.add(new LintFinding(
                    null,
                    "no-lock-timeout",
                    "lock.timeout is 0: a migration's statement that waits for a lock behind a long reader makes"
                            + " every query after it wait too; set lock.timeout (2s, say) so it fails instead"));
        }
        for (RevisionNode node : nodes) {
            Set<String> accepted = new TreeSet<>();
            for (AcceptedRisk risk : node.migration().getClass().getAnnotationsByType(AcceptedRisk.class)) {
                if (risk.reason().isBlank()) {
                    findings.add(new LintFinding(
                            node.id(),
                            "accepted-risk-without-reason",
                            "@AcceptedRisk(" + risk.rule() + ") gives no reason"));
                } else {
                    accepted.add(risk.rule());
                }
            }
            Risks.of(Recorder.upgrade(node.migration(), settings.schema()), dialect)
                    .forEach((op, risk) -> {
                        if (!accepted.contains(risk.rule())) {
                            findings.add(new LintFinding(
                                    node.id(),
                                    risk.rule(),
                                    Description.of(op) + ": takes " + risk.lock() + " and " + risk.what()));
                        }
                    });
        }
        return findings;
    }
}
