package dev.autogen.cli;

import dev.autogen.api.RevisionResult;
import dev.autogen.api.TerminalText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Adopt a database autogen never migrated: write the first revision from what it has, and"
                + " stamp the database at it without running anything.")
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = {"-m", "--message"},
            defaultValue = "Baseline",
            description = "What the revision says (default: Baseline).")
    String message;

    @Mixin
    RevisionIdOption revisionId;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            RevisionResult result = session.autogen()
                    .baseline(message, revisionId.value, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            main.out.println("Wrote " + main.relative(result.file()) + " (revision " + result.id() + ", "
                    + result.changes().size() + " objects) and stamped the database at it.");
            if (!result.notReproduced().isEmpty()) {
                main.out.println("Not reproduced (the revision lists them too; create them where they are needed):");
                result.notReproduced().forEach(line -> main.out.println(TerminalText.of("  " + line)));
            }
            return Main.OK;
        }
    }
}
