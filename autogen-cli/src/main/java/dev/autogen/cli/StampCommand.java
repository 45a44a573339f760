package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.api.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "stamp",
        mixinStandardHelpOptions = true,
        description = "Record TARGET in the version table without running any migration (for a schema already there).")
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "TARGET", description = "head, base, an id or prefix, ...")
    String target;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Autogen autogen = session.autogen();
            main.out.println("Stamped: "
                    + Reports.revisions(main.interruptibly(autogen::cancel, () -> autogen.stamp(target))
                            .after()));
            return Main.OK;
        }
    }
}
