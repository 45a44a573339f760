package dev.autogen.cli;

import dev.autogen.api.Autogen;
import dev.autogen.api.HistoryEntry;
import dev.autogen.revision.RevisionGraph;
import dev.autogen.revision.RevisionNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the revisions, newest first, marking the current ones, heads, branch and merge points.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE", description = "FROM:TO (either may be left out), e.g. base:head or ae10:.")
    String range;

    @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Autogen autogen = session.autogen();
            RevisionGraph graph = autogen.graph();
            Set<String> current = autogen.current().revisions().stream().map(RevisionNode::id).collect(Collectors.toSet());
            Set<String> shown = inRange(graph, current);
            for (HistoryEntry entry : autogen.history(current)) {
                if (!shown.contains(entry.revision().id())) {
                    continue;
                }
                if (verbose) {
                    Format.verbose(main.out, entry);
                } else {
                    main.out.println(Format.line(entry));
                }
            }
            return Main.OK;
        }
    }

    /** The revisions above FROM (itself included) up to and including TO. */
    private Set<String> inRange(RevisionGraph graph, Set<String> current) {
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
        Set<String> below = graph.ancestorsOrSelf(start);
        below.removeAll(start);
        return upTo.stream().filter(id -> !below.contains(id)).filter(id -> start.stream()
                .anyMatch(s -> graph.descendantsOrSelf(s).contains(id))).collect(Collectors.toSet());
    }
}
