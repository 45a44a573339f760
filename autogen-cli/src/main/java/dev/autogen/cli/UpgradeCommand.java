package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.api.RunResult;
import picocli.CommandLine.Command;

@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Apply the migrations up to TARGET.")
final class UpgradeCommand extends MoveCommand {

    @Override
    RunResult move(Autogen autogen, String target) {
        return autogen.upgrade(target);
    }

    @Override
    String script(Autogen autogen, String range) {
        return autogen.upgradeSql(range);
    }
}
