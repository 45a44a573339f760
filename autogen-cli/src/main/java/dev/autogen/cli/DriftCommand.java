package dev.autogen.cli;

import dev.autogen.Fleet;
import dev.autogen.api.Change;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.Reports;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        description = "Exit 0 when the database is what its migrations made it; otherwise list what was changed by"
                + " hand and exit 3.")
final class DriftCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    FleetFlags fleet;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            FleetTargets targets = FleetRunning.targets(session, fleet);
            if (!targets.isEmpty()) {
                return FleetRunning.run(main, session, fleet, targets, Fleet::drift);
            }
            List<Change> drift = session.autogen().drift();
            Reports.drift(drift).forEach(main.out::println);
            return drift.isEmpty() ? Main.OK : Main.DIFFERENCES;
        }
    }
}
