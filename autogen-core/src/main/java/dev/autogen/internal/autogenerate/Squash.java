package dev.autogen.internal.autogenerate;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.history.HistorySchema;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.HistoryListing;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One revision in place of a range of them: its members, the revisions before the range, and its
 * operations, the change from before the range to its end as one comparison of the two schemas (a create
 * holds its final columns); a range that runs SQL keeps its operations in order instead, and one with
 * Java steps cannot be squashed.
 */
public record Squash(RevisionGraph graph, List<RevisionNode> members, List<String> before, List<Operation> operations) {

    /** The squash of {@code from} to {@code to}, both included; an error naming why when there can be none. */
    public static Squash of(RevisionGraph graph, String from, String to, Dialect dialect, String defaultSchema) {
        String first = HistoryListing.single(graph, from);
        String last = HistoryListing.single(graph, to);
        Set<String> range = new TreeSet<>(graph.ancestorsOrSelf(List.of(last)));
        range.retainAll(graph.descendantsOrSelf(first));
        if (!range.contains(first)) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    from + " does not come before " + to,
                    "name the first revision, then the last");
        }
        List<RevisionNode> members =
                graph.revisions().stream().filter(n -> range.contains(n.id())).toList();
        List<String> before = members.stream()
                .flatMap(n -> n.revises().stream())
                .filter(p -> !range.contains(p))
                .distinct()
                .sorted()
                .toList();
        List<Operation> recorded = new ArrayList<>();
        for (RevisionNode member : members) {
            recorded.addAll(Recorder.upgrade(member.migration(), defaultSchema));
        }
        if (recorded.stream().anyMatch(ExecuteJava.class::isInstance)) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    "the range " + first + ".." + last
                            + " runs Java data steps, which a generated migration cannot copy",
                    "squash a range without them");
        }
        if (recorded.stream().anyMatch(Execute.class::isInstance)) {
            return new Squash(graph, members, before, recorded);
        }
        Schema start = dialect.canonical(HistorySchema.at(graph, before, defaultSchema));
        Schema end = dialect.canonical(HistorySchema.at(graph, List.of(last), defaultSchema));
        return new Squash(graph, members, before, SchemaDiffer.diff(start, end, dialect.diffRules()));
    }

    /** The squash's revision, under {@code id}; refused when the range is not whole (a branch leaves it). */
    public RevisionInfo info(String id, String message, Instant created) {
        RevisionInfo info = new RevisionInfo(
                id,
                before,
                List.of(),
                List.of(),
                message,
                created,
                members.stream().map(RevisionNode::id).toList());
        List<RevisionNode> all = new ArrayList<>(graph.revisions());
        all.addAll(graph.squashes());
        all.add(new RevisionNode(info, "the squash", null));
        RevisionGraph.of(all);
        return info;
    }
}
