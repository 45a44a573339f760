package dev.autogen.cli;

import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "List the revisions, newest first, marking the current ones, heads, branch and merge points.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = {"-r", "--rev-range"},
            paramLabel = "RANGE",
            description = "FROM:TO (either may be left out), e.g. base:head or ae10:.")
    String range;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show each revision in full.")
    boolean verbose;

    @Option(
            names = {"-i", "--indicate-current"},
            description = "Mark the current revisions even when that means starting the embedded database"
                    + " (a database given by url is always asked).")
    boolean indicateCurrent;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            // Listing revisions needs no database: an embedded one is started only when asked to.
            Configuration config = session.config();
            boolean markCurrent = indicateCurrent || (config.url() != null && !config.embedded());
            Reports.history(session.autogen().history(range, markCurrent), verbose)
                    .forEach(main.out::println);
            return Main.OK;
        }
    }
}
