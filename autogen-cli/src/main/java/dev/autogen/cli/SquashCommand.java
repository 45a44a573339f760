package dev.autogen.cli;

import dev.autogen.api.RevisionResult;
import dev.autogen.api.TerminalText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "squash",
        mixinStandardHelpOptions = true,
        description = "Write one revision that replaces FROM..TO for new databases; databases inside the range run"
                + " the originals, which stay.")
final class SquashCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "FROM", description = "The first revision of the range.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The last revision of the range.")
    String to;

    @Option(
            names = {"-m", "--message"},
            required = true,
            description = "What the squash is for.")
    String message;

    @Mixin
    RevisionIdOption revisionId;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            RevisionResult result = session.autogen()
                    .squash(from, to, message, revisionId.value, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            main.out.println(TerminalText.of(
                    "Wrote " + main.relative(result.file()) + " (revision " + result.id() + ", squashing " + from
                            + " to " + to + ", " + result.changes().size() + " operations)"));
            return Main.OK;
        }
    }
}
