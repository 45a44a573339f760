package dev.autogen.cli;

import dev.autogen.Fleet;
import dev.autogen.api.Change;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.JsonText;
import dev.autogen.api.Reports;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Exit 0 when the database matches the entities; otherwise list the differences and exit 3.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    /** Its --format json on one database: {"differences": [{"description": ..., "dataLoss": ..., "risk": ...}]}. */
    @Mixin
    FleetFlags fleet;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            FleetTargets targets = FleetRunning.targets(session, fleet);
            if (!targets.isEmpty()) {
                return FleetRunning.run(main, session, fleet, targets, Fleet::check);
            }
            List<Change> differences = session.autogen().check();
            if (fleet.format == FleetFlags.Format.json) {
                main.out.println(json(differences));
                return differences.isEmpty() ? Main.OK : Main.DIFFERENCES;
            }
            Reports.check(differences, session.autogen()::current).forEach(main.out::println);
            return differences.isEmpty() ? Main.OK : Main.DIFFERENCES;
        }
    }

    private static String json(List<Change> differences) {
        return differences.stream()
                .map(c -> "{\"description\": " + JsonText.of(c.description()) + ", \"dataLoss\": "
                        + (c.dataLoss() == null ? "null" : JsonText.of(c.dataLoss())) + ", \"risk\": "
                        + (c.risk() == null ? "null" : JsonText.of(c.risk())) + "}")
                .collect(Collectors.joining(", ", "{\"differences\": [", "]}"));
    }
}
