package dev.autogen.internal.revision;

import dev.autogen.internal.revision.GraphError.AmbiguousRevision;
import dev.autogen.internal.revision.GraphError.BadTarget;
import dev.autogen.internal.revision.GraphError.Cycle;
import dev.autogen.internal.revision.GraphError.DuplicateId;
import dev.autogen.internal.revision.GraphError.MissingParent;
import dev.autogen.internal.revision.GraphError.MultipleHeads;
import dev.autogen.internal.revision.GraphError.UnknownRevision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revisions and how they follow each other. A revision's parents are the revisions it revises;
 * revisions it depends on must be applied before it too, but do not make it their child.
 */
public final class RevisionGraph {

    private static final Pattern RELATIVE = Pattern.compile("(.*?)([+-])(\\d+)");
    private static final Comparator<RevisionNode> ORDER =
            Comparator.comparing(RevisionNode::created).thenComparing(RevisionNode::id);

    private final Map<String, RevisionNode> nodes;
    private final Map<String, List<String>> children = new HashMap<>();
    private final List<RevisionNode> ordered;
    /** Squashing revisions, by id: the graph's edges run through the revisions they replace, not them. */
    private final Map<String, Squash> squashes = new LinkedHashMap<>();

    /** A squashing revision, the revisions it replaces, and the last of them, which it stands for. */
    private record Squash(RevisionNode node, Set<String> members, String last) {}

    private RevisionGraph(Map<String, RevisionNode> nodes, List<RevisionNode> squashing) {
        this.nodes = nodes;
        nodes.keySet().forEach(id -> children.put(id, new ArrayList<>()));
        for (RevisionNode node : nodes.values()) {
            node.revises().forEach(parent -> children.get(parent).add(node.id()));
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        this.ordered = topologicalOrder();
        for (RevisionNode squash : squashing) {
            squashes.put(squash.id(), squash(squash));
        }
    }

    /**
     * A squash must replace a whole range: every revision from its first ones to its last, and nothing
     * outside may follow one of them but the last.
     */
    private Squash squash(RevisionNode node) {
        Set<String> members = new LinkedHashSet<>(node.info().replaces());
        for (String member : members) {
            if (!nodes.containsKey(member)) {
                throw new RevisionGraphException(new MissingParent(node.id(), member));
            }
        }
        List<String> lasts = members.stream()
                .filter(m -> children.get(m).stream().noneMatch(members::contains))
                .toList();
        if (lasts.size() != 1) {
            throw new RevisionGraphException(
                    new BadTarget(node.id(), "a squash replaces a range that ends in one revision, not " + lasts));
        }
        String last = lasts.get(0);
        Set<String> range = new HashSet<>(ancestorsOrSelf(List.of(last)));
        range.removeAll(node.revises().isEmpty() ? Set.of() : ancestorsOrSelf(node.revises()));
        if (!range.equals(members)) {
            throw new RevisionGraphException(new BadTarget(
                    node.id(),
                    "a squash replaces every revision between what it revises and its last one, " + new TreeSet<>(range)
                            + ", not " + new TreeSet<>(members)));
        }
        for (String member : members) {
            if (!member.equals(last) && children.get(member).stream().anyMatch(c -> !members.contains(c))) {
                throw new RevisionGraphException(new BadTarget(
                        node.id(), "revision " + member + " inside the squashed range is followed from outside it"));
            }
        }
        return new Squash(node, members, last);
    }

    /** Checks the revisions (unique ids, known parents, no cycle) and builds their graph. */
    public static RevisionGraph of(Collection<RevisionNode> revisions) {
        Map<String, RevisionNode> all = new LinkedHashMap<>();
        for (RevisionNode node : revisions.stream().sorted(ORDER).toList()) {
            RevisionNode earlier = all.putIfAbsent(node.id(), node);
            if (earlier != null) {
                throw new RevisionGraphException(new DuplicateId(node.id(), List.of(earlier.origin(), node.origin())));
            }
        }
        Map<String, RevisionNode> nodes = new LinkedHashMap<>();
        List<RevisionNode> squashing = new ArrayList<>();
        for (RevisionNode node : all.values()) {
            if (node.info().isSquash()) {
                squashing.add(node);
            } else {
                nodes.put(node.id(), node);
            }
        }
        for (RevisionNode node : nodes.values()) {
            for (String parent : parentsAndDependencies(node)) {
                if (!nodes.containsKey(parent)) {
                    throw new RevisionGraphException(new MissingParent(node.id(), parent));
                }
            }
        }
        for (RevisionNode squash : squashing) {
            for (String parent : parentsAndDependencies(squash)) {
                if (!nodes.containsKey(parent)) {
                    throw new RevisionGraphException(new MissingParent(squash.id(), parent));
                }
            }
        }
        return new RevisionGraph(nodes, squashing);
    }

    /** A revision by id, squashing ones included. */
    public Optional<RevisionNode> node(String id) {
        RevisionNode node = nodes.get(id);
        if (node == null && squashes.containsKey(id)) {
            node = squashes.get(id).node();
        }
        return Optional.ofNullable(node);
    }

    /** The squashing revisions, oldest first. */
    public List<RevisionNode> squashes() {
        return squashes.values().stream().map(Squash::node).sorted(ORDER).toList();
    }

    /** The revision the version table records once {@code revision} ran: a squash records its last one. */
    public String recordedAs(RevisionNode revision) {
        Squash squash = squashes.get(revision.id());
        return squash == null ? revision.id() : squash.last();
    }

    /** Every revision, parents before children. */
    public List<RevisionNode> revisions() {
        return ordered;
    }

    public List<String> heads() {
        return ordered.stream()
                .map(RevisionNode::id)
                .filter(id -> children.get(id).isEmpty())
                .sorted()
                .toList();
    }

    public List<String> bases() {
        return ordered.stream()
                .filter(n -> n.revises().isEmpty())
                .map(RevisionNode::id)
                .sorted()
                .toList();
    }

    /** Revisions that two or more revisions follow. */
    public List<String> branchPoints() {
        return ordered.stream()
                .map(RevisionNode::id)
                .filter(id -> children.get(id).size() > 1)
                .sorted()
                .toList();
    }

    public List<String> children(String id) {
        return List.copyOf(children.getOrDefault(id, List.of()));
    }

    // ---------------------------------------------------------------- targets

    /**
     * The revisions a target names, given the current heads: empty for {@code base}. Targets:
     * {@code base}, {@code head}, {@code heads}, {@code label@head}, an id, a unique id prefix, a branch
     * label, {@code +N} and {@code -N} from the current revision, {@code REV+N} and {@code REV-N}.
     */
    public Set<String> resolve(String target, Set<String> current) {
        String text = target.strip();
        if (text.equals("base")) {
            return Set.of();
        }
        if (text.equals("heads")) {
            return new TreeSet<>(heads());
        }
        if (text.equals("head")) {
            return Set.of(single(heads(), text));
        }
        if (text.endsWith("@head")) {
            String label = text.substring(0, text.length() - "@head".length());
            RevisionNode labelled =
                    byLabel(label).orElseThrow(() -> new RevisionGraphException(new UnknownRevision(text)));
            Set<String> below = descendantsOrSelf(labelled.id());
            return Set.of(single(heads().stream().filter(below::contains).toList(), text));
        }
        Optional<String> exact = exact(text);
        if (exact.isPresent()) {
            return Set.of(exact.get());
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            Set<String> from =
                    relative.group(1).isEmpty() ? current : Set.of(single(resolve(relative.group(1), current), text));
            int steps = Integer.parseInt(relative.group(3));
            return relative.group(2).equals("+") ? forward(from, steps, text) : back(from, steps, text);
        }
        return Set.of(byPrefix(text));
    }

    private Optional<String> exact(String text) {
        if (nodes.containsKey(text) || squashes.containsKey(text)) {
            return Optional.of(text);
        }
        return byLabel(text).map(RevisionNode::id);
    }

    private Optional<RevisionNode> byLabel(String label) {
        return ordered.stream().filter(n -> n.branchLabels().contains(label)).findFirst();
    }

    private String byPrefix(String prefix) {
        List<String> matches = nodes.keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .sorted()
                .toList();
        if (matches.isEmpty()) {
            throw new RevisionGraphException(new UnknownRevision(prefix));
        }
        if (matches.size() > 1) {
            throw new RevisionGraphException(new AmbiguousRevision(prefix, matches));
        }
        return matches.get(0);
    }

    private static String single(Collection<String> ids, String target) {
        if (ids.size() > 1) {
            throw new RevisionGraphException(
                    new MultipleHeads(ids.stream().sorted().toList()));
        }
        if (ids.isEmpty()) {
            throw new RevisionGraphException(new BadTarget(target, "there are no revisions there"));
        }
        return ids.iterator().next();
    }

    private Set<String> forward(Set<String> from, int steps, String target) {
        String at = null;
        if (from.isEmpty()) {
            at = single(bases(), target);
            steps--;
        } else {
            at = single(from, target);
        }
        for (int i = 0; i < steps; i++) {
            List<String> next = children.get(at);
            if (next.isEmpty()) {
                throw new RevisionGraphException(
                        new BadTarget(target, "only " + i + " revisions follow the current one"));
            }
            if (next.size() > 1) {
                throw new RevisionGraphException(new BadTarget(target, "revisions " + next + " both follow " + at));
            }
            at = next.get(0);
        }
        return Set.of(at);
    }

    private Set<String> back(Set<String> from, int steps, String target) {
        if (from.isEmpty()) {
            throw new RevisionGraphException(new BadTarget(target, "the database is at base already"));
        }
        String at = single(from, target);
        for (int i = 0; i < steps; i++) {
            List<String> parents = nodes.get(at).revises();
            if (parents.isEmpty()) {
                if (i == steps - 1) {
                    return Set.of();
                }
                throw new RevisionGraphException(new BadTarget(target, "only " + (i + 1) + " below the current one"));
            }
            if (parents.size() > 1) {
                throw new RevisionGraphException(
                        new BadTarget(target, at + " merges " + parents + "; name the one to go back to"));
            }
            at = parents.get(0);
        }
        return Set.of(at);
    }

    // ---------------------------------------------------------------- plans

    /** The revisions to apply to go from {@code current} up to {@code target}, parents first. */
    public List<RevisionNode> upgradePlan(Set<String> current, Set<String> target) {
        Set<String> applied = ancestorsOrSelf(current);
        Set<String> wanted = ancestorsOrSelf(target);
        List<RevisionNode> plan = new ArrayList<>(ordered.stream()
                .filter(n -> wanted.contains(n.id()) && !applied.contains(n.id()))
                .toList());
        // A database that none of a squashed range touched runs the squash in its place, where its last ran.
        for (Squash squash : squashes.values()) {
            Set<String> planned = new HashSet<>();
            plan.forEach(n -> planned.add(n.id()));
            if (planned.containsAll(squash.members())) {
                int at = plan.indexOf(nodes.get(squash.last()));
                plan.set(at, squash.node());
                plan.removeIf(n -> squash.members().contains(n.id()));
            }
        }
        return List.copyOf(plan);
    }

    /**
     * The revisions to undo to go from {@code current} down to {@code target}, children first: every
     * applied revision above the target ({@code base}, the empty set, is below them all).
     */
    public List<RevisionNode> downgradePlan(Set<String> current, Set<String> target) {
        Set<String> applied = ancestorsOrSelf(current);
        for (String id : target) {
            if (!applied.contains(id)) {
                throw new RevisionGraphException(
                        new BadTarget(id, "it is not applied, so there is no going down to it"));
            }
        }
        Set<String> above = new HashSet<>();
        if (target.isEmpty()) {
            above.addAll(applied);
        } else {
            target.forEach(t -> above.addAll(descendantsOrSelf(t)));
            above.removeAll(target);
        }
        List<RevisionNode> plan = new ArrayList<>(ordered.stream()
                .filter(n -> applied.contains(n.id()) && above.contains(n.id()))
                .toList());
        java.util.Collections.reverse(plan);
        return plan;
    }

    /** The revisions given and everything they need, through parents and dependencies. */
    public Set<String> ancestorsOrSelf(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            RevisionNode node = nodes.get(id);
            if (node == null) {
                throw new RevisionGraphException(new UnknownRevision(id));
            }
            if (seen.add(id)) {
                todo.addAll(parentsAndDependencies(node));
            }
        }
        return seen;
    }

    /** The revision and everything that needs it. */
    public Set<String> descendantsOrSelf(String id) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String at = todo.pop();
            if (seen.add(at)) {
                todo.addAll(children.get(at));
                nodes.values().stream().filter(n -> n.dependsOn().contains(at)).forEach(n -> todo.add(n.id()));
            }
        }
        return seen;
    }

    /** Ancestors through parents only: what the version table follows. */
    public Set<String> parentAncestorsOrSelf(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(nodes.get(id).revises());
            }
        }
        return seen;
    }

    private static List<String> parentsAndDependencies(RevisionNode node) {
        List<String> all = new ArrayList<>(node.revises());
        all.addAll(node.dependsOn());
        return all;
    }

    /** Kahn's algorithm, oldest first among the ready; what is left over lies on a cycle. */
    private List<RevisionNode> topologicalOrder() {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (RevisionNode node : nodes.values()) {
            List<String> before =
                    parentsAndDependencies(node).stream().distinct().toList();
            waiting.put(node.id(), before.size());
            before.forEach(
                    b -> dependents.computeIfAbsent(b, k -> new ArrayList<>()).add(node.id()));
        }
        PriorityQueue<RevisionNode> ready = new PriorityQueue<>(ORDER);
        nodes.values().stream().filter(n -> waiting.get(n.id()) == 0).forEach(ready::add);
        List<RevisionNode> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            RevisionNode node = ready.poll();
            order.add(node);
            for (String dependent : dependents.getOrDefault(node.id(), List.of())) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(nodes.get(dependent));
                }
            }
        }
        if (order.size() < nodes.size()) {
            throw new RevisionGraphException(new Cycle(cycle(waiting)));
        }
        return List.copyOf(order);
    }

    private List<String> cycle(Map<String, Integer> waiting) {
        String start = waiting.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
        LinkedHashSet<String> path = new LinkedHashSet<>();
        String at = start;
        while (path.add(at)) {
            String current = at;
            at = parentsAndDependencies(nodes.get(current)).stream()
                    .filter(p -> waiting.get(p) > 0)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        List<String> loop = new ArrayList<>();
        boolean inLoop = false;
        for (String id : path) {
            inLoop |= id.equals(at);
            if (inLoop) {
                loop.add(id);
            }
        }
        loop.add(at);
        return loop;
    }
}
