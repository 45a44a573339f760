package dev.autogen.cli;

import dev.autogen.api.RevisionResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Write a migration that joins two or more heads into one.")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "REV", arity = "1..*", description = "The revisions to merge ('heads' for all heads).")
    List<String> revisions;

    @Option(
            names = {"-m", "--message"},
            required = true,
            description = "What the merge is for.")
    String message;

    @Mixin
    RevisionIdOption revisionId;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            RevisionResult result = session.autogen()
                    .merge(revisions, message, revisionId.value, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            main.out.println("Wrote " + main.relative(result.file()) + " (revision " + result.id() + " merges "
                    + String.join(", ", result.revises()) + ")");
            return Main.OK;
        }
    }
}
