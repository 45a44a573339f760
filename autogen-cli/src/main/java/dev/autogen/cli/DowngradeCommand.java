package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.Fleet;
import dev.autogen.api.FleetReport;
import dev.autogen.api.RunResult;
import picocli.CommandLine.Command;

@Command(name = "downgrade", mixinStandardHelpOptions = true, description = "Undo the migrations down to TARGET.")
final class DowngradeCommand extends MoveCommand {

    @Override
    RunResult move(Autogen autogen, String target) {
        return autogen.downgrade(target);
    }

    @Override
    FleetReport move(Fleet fleet, String target) {
        return fleet.downgrade(target);
    }

    @Override
    String script(Autogen autogen, String range) {
        return autogen.downgradeSql(range);
    }
}
