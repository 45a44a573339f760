package dev.autogen.internal.revision;

import dev.autogen.api.AppliedStep;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Branch;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.HistoryEntry;
import dev.autogen.api.RevisionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The graph as {@code current}, {@code heads}, {@code branches}, {@code history} and {@code show} list it:
 * each revision with its marks, given what the database says is current and what it applied.
 */
public final class HistoryListing {

    private final RevisionGraph graph;

    public HistoryListing(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The one revision {@code target} names; an error when it names none or several. */
    public static String single(RevisionGraph graph, String target) {
        Set<String> ids = graph.resolve(target, Set.of());
        if (ids.size() != 1) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET, "'" + target + "' names " + ids.size() + " revisions", "name one");
        }
        return ids.iterator().next();
    }

    /** The revisions the version table names, those no migration has shown as such. */
    public List<HistoryEntry> current(Set<String> heads) {
        return heads.stream()
                .map(id -> graph.node(id).map(node -> entry(node, heads)).orElse(unknown(id)))
                .toList();
    }

    /** The revisions nothing follows. */
    public List<RevisionInfo> heads() {
        return graph.heads().stream()
                .map(id -> graph.node(id).orElseThrow().info())
                .toList();
    }

    /** The revisions two or more revisions follow, with those revisions. */
    public List<Branch> branches() {
        return graph.branchPoints().stream()
                .map(id -> new Branch(
                        graph.node(id).orElseThrow().info(),
                        graph.children(id).stream()
                                .map(child -> graph.node(child).orElseThrow().info())
                                .toList()))
                .toList();
    }

    /**
     * The revisions in {@code range} ({@code FROM:TO}, either side may be left out; {@code null} for all),
     * newest first, {@code current} marked, each with the steps {@code applied} recorded for it.
     */
    public List<HistoryEntry> history(String range, Set<String> current, Map<String, List<AppliedStep>> applied) {
        Set<String> shown = inRange(range, current);
        List<HistoryEntry> entries = new ArrayList<>();
        for (RevisionNode node : graph.revisions()) {
            if (shown.contains(node.id())) {
                entries.add(entry(node, current).withApplied(applied.getOrDefault(node.id(), List.of())));
                // A squash is listed beside the last revision it replaces.
                for (RevisionNode squash : graph.squashes()) {
                    if (graph.recordedAs(squash).equals(node.id())) {
                        entries.add(entry(squash, current).withApplied(applied.getOrDefault(squash.id(), List.of())));
                    }
                }
            }
        }
        Collections.reverse(entries);
        return entries;
    }

    /** One revision, by id, prefix or label. */
    public HistoryEntry show(String revision) {
        return entry(graph.node(single(graph, revision)).orElseThrow(), Set.of());
    }

    /** The revisions above FROM (itself included) up to and including TO. */
    private Set<String> inRange(String range, Set<String> current) {
        Set<String> all = graph.revisions().stream().map(RevisionNode::id).collect(Collectors.toSet());
        if (range == null) {
            return all;
        }
        int colon = range.indexOf(':');
        String from = colon < 0 ? range : range.substring(0, colon);
        String to = colon < 0 ? "" : range.substring(colon + 1);
        Set<String> upTo = to.isEmpty() ? all : graph.ancestorsOrSelf(graph.resolve(to, current));
        if (from.isEmpty() || from.equals("base")) {
            return upTo;
        }
        Set<String> start = graph.resolve(from, current);
        return upTo.stream()
                .filter(id ->
                        start.stream().anyMatch(s -> graph.descendantsOrSelf(s).contains(id)))
                .collect(Collectors.toSet());
    }

    /** One revision with its marks: a head has no child, a branch point two or more. */
    private HistoryEntry entry(RevisionNode node, Set<String> current) {
        if (node.info().isSquash()) {
            return new HistoryEntry(node.info(), node.origin(), false, false, false, false);
        }
        int children = graph.children(node.id()).size();
        return new HistoryEntry(
                node.info(), node.origin(), current.contains(node.id()), children == 0, children > 1, node.isMerge());
    }

    /** A revision the version table names but no migration has: shown as such, not hidden. */
    private static HistoryEntry unknown(String id) {
        RevisionInfo info = RevisionInfo.of(id, List.of(), "(no migration has this revision)", Instant.EPOCH);
        return new HistoryEntry(info, "version table", true, false, false, false);
    }
}
