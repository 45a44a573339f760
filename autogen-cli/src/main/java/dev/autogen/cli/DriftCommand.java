package dev.autogen.cli;

import dev.autogen.api.Change;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        description = "Exit 0 when the database is what its migrations made it; otherwise list what was changed by"
                + " hand and exit 3.")
final class DriftCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            List<Change> drift = session.autogen().drift();
            if (drift.isEmpty()) {
                main.out.println("No drift: the database is what its migrations made it.");
                return Main.OK;
            }
            main.out.println(drift.size() + " change" + (drift.size() == 1 ? "" : "s")
                    + " made to the database outside its migrations:");
            drift.forEach(change -> main.out.println(Format.text("  " + change)));
            main.out.println("Keep them: write a migration that makes them (autogen revision -m ..., by hand), then"
                    + " autogen stamp it. Or undo them in the database.");
            return Main.DIFFERENCES;
        }
    }
}
