package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.Fleet;
import dev.autogen.api.FleetReport;
import dev.autogen.api.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Apply the migrations up to TARGET.")
final class UpgradeCommand extends MoveCommand {

    @Option(
            names = "--idempotent",
            description = "With --sql: one script that brings a database at any revision of FROM:TO to its end.")
    boolean idempotent;

    @Override
    RunResult move(Autogen autogen, String target) {
        return autogen.upgrade(target);
    }

    @Override
    FleetReport move(Fleet fleet, String target) {
        return fleet.upgrade(target);
    }

    @Override
    String script(Autogen autogen, String range) {
        return idempotent ? autogen.idempotentUpgradeSql(range) : autogen.upgradeSql(range);
    }
}
