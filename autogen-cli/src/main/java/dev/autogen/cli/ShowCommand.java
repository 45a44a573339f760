package dev.autogen.cli;

import dev.autogen.api.Direction;
import dev.autogen.api.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one revision in full.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "REV", description = "An id, prefix, label, or head.")
    String revision;

    @Option(names = "--sql", description = "Also print the SQL its upgrade runs.")
    boolean sql;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Reports.inFull(session.autogen().show(revision)).forEach(main.out::println);
            if (sql) {
                main.out.print(session.autogen().revisionSql(revision, Direction.UPGRADE));
            }
            return Main.OK;
        }
    }
}
