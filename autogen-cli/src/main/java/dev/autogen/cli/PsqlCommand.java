package dev.autogen.cli;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "psql",
        mixinStandardHelpOptions = true,
        description = "Open psql on the database the commands use (the embedded one runs while psql does),"
                + " or print its URL with --url.")
final class PsqlCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(
            names = "--print-url",
            description = "Print the database's JDBC URL instead (with url = embedded it is"
                    + " reachable only while an autogen command runs).")
    boolean urlOnly;

    @Parameters(paramLabel = "PSQL_ARGS", arity = "0..*", description = "Handed to psql, after --.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        try (Session session = main.session()) {
            ConnectionSettings database = session.database();
            if (urlOnly) {
                main.out.println(database.safeUrl());
                return Main.OK;
            }
            String uri = database.url().replaceFirst("^jdbc:", "");
            if (database.user() != null) {
                uri = uri.replaceFirst("^postgresql://", "postgresql://" + database.user() + "@");
            }
            List<String> command = new ArrayList<>(List.of("psql", uri));
            command.addAll(arguments);
            ProcessBuilder psql = new ProcessBuilder(command).inheritIO();
            if (database.password() != null) {
                psql.environment().put("PGPASSWORD", database.password());
            }
            main.out.flush();
            try {
                return psql.start().waitFor();
            } catch (IOException e) {
                throw new AutogenException(
                        ErrorCode.CONFIG_INVALID,
                        "psql cannot be started: " + e.getMessage(),
                        "install PostgreSQL's client (apt-get install postgresql-client)");
            }
        }
    }
}
