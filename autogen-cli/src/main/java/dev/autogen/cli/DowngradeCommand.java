package dev.autogen.cli;

import dev.autogen.api.Autogen;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = "Undo the migrations down to TARGET.")
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "TARGET", description = "head, heads, base, an id or prefix, LABEL@head, +N, -N, REV+N, REV-N;"
            + " with --sql, FROM:TO")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of touching the database.")
    boolean sql;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            Autogen autogen = session.autogen();
            if (sql) {
                main.out.print(autogen.downgradeSql(target));
            } else {
                Format.run(main.out, autogen.downgrade(target));
            }
            return Main.OK;
        }
    }
}
