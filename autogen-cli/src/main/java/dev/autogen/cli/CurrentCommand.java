package dev.autogen.cli;

import dev.autogen.api.Current;
import dev.autogen.api.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show each revision in full.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Current current = session.autogen().current();
            Reports.current(current, verbose).forEach(main.out::println);
            return Main.OK;
        }
    }
}
