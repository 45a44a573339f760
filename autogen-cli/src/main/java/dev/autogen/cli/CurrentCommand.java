package dev.autogen.cli;

import dev.autogen.api.Autogen;
import dev.autogen.api.Current;
import dev.autogen.revision.RevisionNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Autogen autogen = session.autogen();
            Current current = autogen.current();
            if (current.revisions().isEmpty()) {
                main.out.println("base (no revision applied)");
                return Main.OK;
            }
            Set<String> ids = current.revisions().stream().map(RevisionNode::id).collect(Collectors.toSet());
            List<String> heads = autogen.graph().heads();
            for (RevisionNode node : current.revisions()) {
                if (verbose) {
                    Format.verbose(main.out, autogen.entry(node, ids));
                } else {
                    main.out.println(node.id() + (heads.contains(node.id()) ? " (head)" : "") + ", " + node.message().lines().findFirst().orElse(""));
                }
            }
            return Main.OK;
        }
    }
}
