package dev.autogen.internal.revision;

import dev.autogen.internal.revision.VersionChange.Delete;
import dev.autogen.internal.revision.VersionChange.Insert;
import dev.autogen.internal.revision.VersionChange.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the version table's rows change as one revision is applied or undone, the way Alembic keeps
 * {@code alembic_version}: a linear step updates its row, entering a branch inserts one, a merge deletes
 * all but one of the rows it joins, and undoing does the opposite.
 */
public final class HeadTransitions {

    private final RevisionGraph graph;

    public HeadTransitions(RevisionGraph graph) {
        this.graph = graph;
    }

    public List<VersionChange> upgrade(RevisionNode revision, Set<String> heads) {
        List<String> parentsAtHead =
                revision.revises().stream().filter(heads::contains).sorted().toList();
        String recorded = graph.recordedAs(revision);
        if (parentsAtHead.isEmpty()) {
            return List.of(new Insert(recorded));
        }
        List<VersionChange> changes = new ArrayList<>();
        for (String merged : parentsAtHead.subList(1, parentsAtHead.size())) {
            changes.add(new Delete(merged));
        }
        changes.add(new Update(parentsAtHead.get(0), recorded));
        return changes;
    }

    public List<VersionChange> downgrade(RevisionNode revision, Set<String> heads) {
        Set<String> others = new HashSet<>(heads);
        others.remove(revision.id());
        Set<String> heldElsewhere = others.isEmpty() ? Set.of() : graph.parentAncestorsOrSelf(others);
        List<String> back = revision.revises().stream()
                .filter(p -> !heldElsewhere.contains(p))
                .sorted()
                .toList();
        if (back.isEmpty()) {
            return List.of(new Delete(revision.id()));
        }
        List<VersionChange> changes = new ArrayList<>();
        changes.add(new Update(revision.id(), back.get(0)));
        for (String unmerged : back.subList(1, back.size())) {
            changes.add(new Insert(unmerged));
        }
        return changes;
    }
}
