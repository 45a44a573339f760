package dev.autogen.cli;

import dev.autogen.api.Current;
import dev.autogen.api.HistoryEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show each revision in full.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Current current = session.autogen().current();
            if (current.interrupted() != null) {
                main.out.println(Format.text(current.interrupted()));
            }
            if (current.revisions().isEmpty()) {
                main.out.println("base (no revision applied)");
                return Main.OK;
            }
            for (HistoryEntry entry : current.revisions()) {
                if (verbose) {
                    Format.verbose(main.out, entry);
                } else {
                    main.out.println(Format.text(entry.revision().id() + (entry.head() ? " (head)" : "") + ", "
                            + entry.revision().title()));
                }
            }
            return Main.OK;
        }
    }
}
