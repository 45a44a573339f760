package dev.autogen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one revision in full.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "REV", description = "An id, prefix, label, or head.")
    String revision;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Format.verbose(main.out, session.autogen().show(revision));
            return Main.OK;
        }
    }
}
