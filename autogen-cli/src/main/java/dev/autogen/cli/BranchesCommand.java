package dev.autogen.cli;

import dev.autogen.api.Branch;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.TerminalText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "branches",
        mixinStandardHelpOptions = true,
        description = "List the branch points and the revisions that follow each.")
final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            for (Branch branch : session.autogen().branches()) {
                main.out.println(TerminalText.of(branch.point().id() + " (branchpoint), "
                        + branch.point().title()));
                for (RevisionInfo next : branch.next()) {
                    main.out.println(TerminalText.of("  -> " + next.id() + ", " + next.title()));
                }
            }
            return Main.OK;
        }
    }
}
