package dev.autogen.cli;

import dev.autogen.Fleet;
import dev.autogen.api.Current;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.Reports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    FleetFlags fleet;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            FleetTargets targets = FleetRunning.targets(session, fleet);
            if (!targets.isEmpty()) {
                return FleetRunning.run(main, session, fleet, targets, Fleet::current);
            }
            Current current = session.autogen().current();
            Reports.current(current, verbose).forEach(main.out::println);
            return Main.OK;
        }
    }
}
