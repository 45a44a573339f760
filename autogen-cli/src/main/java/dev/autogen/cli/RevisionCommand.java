package dev.autogen.cli;

import dev.autogen.api.Reports;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.api.TerminalText;
import java.io.Console;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "revision",
        mixinStandardHelpOptions = true,
        description =
                "Write a new migration; with --autogenerate, from the differences between the database and the entities.")
final class RevisionCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = {"-m", "--message"},
            required = true,
            description = "What the change is for.")
    String message;

    @Option(
            names = "--autogenerate",
            description = "Fill the migration with what the entities need and the database lacks.")
    boolean autogenerate;

    @Mixin
    RevisionIdOption revisionId;

    @Option(
            names = "--head",
            paramLabel = "REV",
            description = "The revision to follow (default: the head; 'base' starts a new root).")
    String head;

    @Option(
            names = "--branch-label",
            paramLabel = "LABEL",
            description = "A label for the branch this revision starts.")
    List<String> branchLabels = new ArrayList<>();

    @Option(
            names = "--depends-on",
            paramLabel = "REV",
            description = "A revision that must be applied before this one.")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--allow-empty", description = "Write the file even when autogenerate finds nothing to change.")
    boolean allowEmpty;

    @Option(names = "--timings", description = "Print how long each stage took.")
    boolean timings;

    @Option(
            names = "--rename",
            paramLabel = "OLD=NEW",
            description = "A table or column you renamed (customer=client, customer.email=mail): its data stays.")
    List<String> renames = new ArrayList<>();

    @Option(
            names = "--from-history",
            description = "Compare the entities with the schema the migrations build, not with a database"
                    + " (the default when no url is configured).")
    boolean fromHistory;

    @Option(
            names = "--no-input",
            description = "Ask nothing: take only the renames stated and those in no doubt (as off a terminal).")
    boolean noInput;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            RevisionRequest request = new RevisionRequest(
                            message,
                            autogenerate,
                            fromHistory || session.config().url() == null,
                            revisionId.value,
                            head,
                            branchLabels,
                            dependsOn,
                            allowEmpty,
                            Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .withRenames(renames, session.config().renames())
                    .withLockSafe(session.config().lockSafe());
            Console console = System.console();
            if (!noInput && console != null) {
                request = request.withQuestioner(question -> {
                    String answer = console.readLine("%s [y/N] ", TerminalText.of(question));
                    return answer != null
                            && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
                });
            }
            RevisionResult result = session.autogen().revision(request);
            Reports.revision(result, autogenerate).forEach(main.out::println);
            if (timings) {
                result.stages().forEach(stage -> main.out.println("timing: " + stage));
            }
            main.out.println(Reports.written(result, main::relative));
            return Main.OK;
        }
    }
}
