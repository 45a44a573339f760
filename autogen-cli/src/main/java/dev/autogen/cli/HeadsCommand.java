package dev.autogen.cli;

import dev.autogen.api.RevisionInfo;
import dev.autogen.api.TerminalText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", mixinStandardHelpOptions = true, description = "List the revisions no other revision follows.")
final class HeadsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            for (RevisionInfo head : session.autogen().heads()) {
                StringBuilder line = new StringBuilder(head.id());
                head.branchLabels()
                        .forEach(label -> line.append(" (").append(label).append(')'));
                main.out.println(TerminalText.of(
                        line.append(" (head), ").append(head.title()).toString()));
            }
            return Main.OK;
        }
    }
}
