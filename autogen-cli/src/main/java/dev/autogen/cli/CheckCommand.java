package dev.autogen.cli;

import dev.autogen.api.Change;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Exit 0 when the database matches the entities; otherwise list the differences and exit 3.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            List<Change> differences = session.autogen().check();
            if (differences.isEmpty()) {
                main.out.println("No differences: the database matches the entities.");
                return Main.OK;
            }
            main.out.println(differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                    + " between the database and the entities:");
            differences.forEach(change -> main.out.println(Format.text("  " + change)));
            return Main.DIFFERENCES;
        }
    }
}
