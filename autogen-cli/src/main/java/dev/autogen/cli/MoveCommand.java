package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.api.Reports;
import dev.autogen.api.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** What {@code upgrade} and {@code downgrade} share: a target, and --sql to print the script instead. */
abstract class MoveCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(
            paramLabel = "TARGET",
            description =
                    "head, heads, base, an id or prefix, LABEL@head, +N, -N, REV+N, REV-N;" + " with --sql, FROM:TO")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of touching the database.")
    boolean sql;

    abstract RunResult move(Autogen autogen, String target);

    abstract String script(Autogen autogen, String range);

    abstract dev.autogen.api.FleetReport move(dev.autogen.Fleet fleet, String target);

    @picocli.CommandLine.Mixin
    FleetFlags fleet;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Autogen autogen = session.autogen();
            dev.autogen.api.FleetTargets targets = FleetRunning.targets(session, fleet);
            if (sql) {
                main.out.print(script(autogen, target));
            } else if (!targets.isEmpty()) {
                return FleetRunning.run(main, session, fleet, targets, f -> move(f, target));
            } else {
                Reports.run(main.interruptibly(autogen::cancel, () -> move(autogen, target)))
                        .forEach(main.out::println);
            }
            return Main.OK;
        }
    }
}
