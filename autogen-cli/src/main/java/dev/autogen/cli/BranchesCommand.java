package dev.autogen.cli;

import dev.autogen.revision.RevisionGraph;
import dev.autogen.revision.RevisionNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "branches", mixinStandardHelpOptions = true, description = "List the branch points and the revisions that follow each.")
final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            RevisionGraph graph = session.autogen().graph();
            for (String id : graph.branchPoints()) {
                RevisionNode point = graph.node(id).orElseThrow();
                main.out.println(id + " (branchpoint), " + point.message().lines().findFirst().orElse(""));
                for (String child : graph.children(id)) {
                    main.out.println("  -> " + child + ", " + graph.node(child).orElseThrow().message().lines().findFirst().orElse(""));
                }
            }
            return Main.OK;
        }
    }
}
