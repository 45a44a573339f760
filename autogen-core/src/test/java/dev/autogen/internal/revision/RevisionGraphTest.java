package dev.autogen.internal.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.revision.GraphError.AmbiguousRevision;
import dev.autogen.internal.revision.GraphError.Cycle;
import dev.autogen.internal.revision.GraphError.DuplicateId;
import dev.autogen.internal.revision.GraphError.MissingParent;
import dev.autogen.internal.revision.GraphError.MultipleHeads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * a1 - b2 - c3 < d4 (label feature) - e5 > m7 - f8
 *              < d6 ------------- e6 >
 */
class RevisionGraphTest {

    private static int clock;

    static RevisionNode node(String id, List<String> revises, String... labels) {
        return new RevisionNode(
                new RevisionInfo(
                        id,
                        revises,
                        List.of(labels),
                        List.of(),
                        "message " + id,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(clock++)),
                id + ".java",
                null);
    }

    static RevisionGraph graph() {
        return RevisionGraph.of(List.of(
                node("a1", List.of()),
                node("b2", List.of("a1")),
                node("c3", List.of("b2")),
                node("d4", List.of("c3"), "feature"),
                node("e5", List.of("d4")),
                node("d6", List.of("c3")),
                node("e6", List.of("d6")),
                node("m7", List.of("e5", "e6")),
                node("f8", List.of("m7"))));
    }

    private final RevisionGraph graph = graph();
    private final HeadTransitions transitions = new HeadTransitions(graph);

    @Test
    void knowsItsHeadsBasesBranchPointsAndOrder() {
        assertThat(graph.heads()).containsExactly("f8");
        assertThat(graph.bases()).containsExactly("a1");
        assertThat(graph.branchPoints()).containsExactly("c3");
        assertThat(graph.revisions())
                .extracting(RevisionNode::id)
                .containsExactly("a1", "b2", "c3", "d4", "e5", "d6", "e6", "m7", "f8");
    }

    @Test
    void resolvesEveryKindOfTarget() {
        Set<String> atE5 = Set.of("e5");
        assertThat(graph.resolve("head", atE5)).containsExactly("f8");
        assertThat(graph.resolve("heads", atE5)).containsExactly("f8");
        assertThat(graph.resolve("base", atE5)).isEmpty();
        assertThat(graph.resolve("d6", atE5)).containsExactly("d6");
        assertThat(graph.resolve("m", atE5)).containsExactly("m7");
        assertThat(graph.resolve("feature", atE5)).containsExactly("d4");
        assertThat(graph.resolve("feature@head", atE5)).containsExactly("f8");
        assertThat(graph.resolve("+1", Set.of())).containsExactly("a1");
        assertThat(graph.resolve("+2", Set.of("a1"))).containsExactly("c3");
        assertThat(graph.resolve("-2", atE5)).containsExactly("c3");
        assertThat(graph.resolve("-1", Set.of("a1"))).isEmpty();
        assertThat(graph.resolve("b2+1", atE5)).containsExactly("c3");
        assertThat(graph.resolve("e6-2", atE5)).containsExactly("c3");
    }

    @Test
    void refusesTargetsItCannotResolveWithTheFacts() {
        assertThatThrownBy(() -> graph.resolve("zz", Set.of()))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("no revision matches 'zz'")
                .extracting(e -> ((RevisionGraphException) e).error().code())
                .isEqualTo(ErrorCode.UNKNOWN_REVISION);
        assertThatThrownBy(() -> graph.resolve("e", Set.of()))
                .extracting(e -> ((RevisionGraphException) e).error())
                .isEqualTo(new AmbiguousRevision("e", List.of("e5", "e6")));
        assertThatThrownBy(() -> graph.resolve("c3+1", Set.of()))
                .hasMessageContaining("revisions [d4, d6] both follow c3");
        assertThatThrownBy(() -> graph.resolve("m7-1", Set.of())).hasMessageContaining("m7 merges [e5, e6]");
        assertThatThrownBy(() -> graph.resolve("-1", Set.of("e5", "e6")))
                .extracting(e -> ((RevisionGraphException) e).error())
                .isEqualTo(new MultipleHeads(List.of("e5", "e6")));
    }

    @Test
    void namesSeveralHeadsWhenOneIsNeeded() {
        RevisionGraph branched =
                RevisionGraph.of(List.of(node("x1", List.of()), node("y1", List.of("x1")), node("y2", List.of("x1"))));
        assertThatThrownBy(() -> branched.resolve("head", Set.of()))
                .hasMessage(
                        "there are 2 heads: y1, y2 (name one of them, use 'heads' for all, a branch label (label@head), or merge them with 'merge')");
        assertThat(branched.resolve("heads", Set.of())).containsExactly("y1", "y2");
    }

    @Test
    void refusesBrokenGraphsNamingTheRevisions() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(node("x1", List.of()), node("x1", List.of()))))
                .extracting(e -> ((RevisionGraphException) e).error())
                .isInstanceOf(DuplicateId.class);
        assertThatThrownBy(() -> RevisionGraph.of(List.of(node("x1", List.of("gone")))))
                .extracting(e -> ((RevisionGraphException) e).error())
                .isEqualTo(new MissingParent("x1", "gone"));
        assertThatThrownBy(() -> RevisionGraph.of(
                        List.of(node("x1", List.of()), node("p", List.of("q")), node("q", List.of("p")))))
                .extracting(e -> ((RevisionGraphException) e).error())
                .isInstanceOfSatisfying(Cycle.class, c -> assertThat(c.path()).containsExactly("p", "q", "p"));
    }

    @Test
    void keepsTheVersionRowsAsAlembicDoesAlongBranchesAndMerges() {
        Set<String> heads = new TreeSet<>();
        heads = upgrade(heads, "e5");
        assertThat(heads).containsExactly("e5");
        heads = upgrade(heads, "e6");
        assertThat(heads).containsExactly("e5", "e6");
        heads = upgrade(heads, "f8");
        assertThat(heads).containsExactly("f8");
        heads = downgrade(heads, "e5");
        assertThat(heads).containsExactly("e5", "e6");
        heads = downgrade(heads, "c3");
        assertThat(heads).containsExactly("c3");
        heads = downgrade(heads, "base");
        assertThat(heads).isEmpty();
    }

    @Test
    void plansOnlyWhatIsMissingOrAbove() {
        assertThat(graph.upgradePlan(Set.of("e5"), Set.of("e6")))
                .extracting(RevisionNode::id)
                .containsExactly("d6", "e6");
        assertThat(graph.upgradePlan(Set.of("f8"), Set.of("e6"))).isEmpty();
        assertThat(graph.downgradePlan(Set.of("e5", "e6"), Set.of("c3")))
                .extracting(RevisionNode::id)
                .containsExactly("e6", "d6", "e5", "d4");
        assertThatThrownBy(() -> graph.downgradePlan(Set.of("e5"), Set.of("e6")))
                .hasMessageContaining("it is not applied");
    }

    private Set<String> upgrade(Set<String> heads, String target) {
        for (RevisionNode node : graph.upgradePlan(heads, graph.resolve(target, heads))) {
            heads = apply(transitions.upgrade(node, heads), heads);
        }
        return heads;
    }

    private Set<String> downgrade(Set<String> heads, String target) {
        for (RevisionNode node : graph.downgradePlan(heads, graph.resolve(target, heads))) {
            heads = apply(transitions.downgrade(node, heads), heads);
        }
        return heads;
    }

    private static Set<String> apply(List<VersionChange> changes, Set<String> heads) {
        Set<String> result = heads;
        for (VersionChange change : new ArrayList<>(changes)) {
            result = change.applyTo(result);
        }
        return result;
    }
}
