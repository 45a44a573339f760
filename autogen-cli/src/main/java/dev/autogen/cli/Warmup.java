package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.Settings;
import dev.autogen.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A training run for {@code bin/autogen}'s class-data sharing archive: it does what a typical command does
 * (boot Hibernate on some entities, diff, generate, compile the migration, write its SQL, parse a command
 * line, then the common commands against a throw-away server), so that the archive holds the classes those
 * load and later commands start faster. Argument: a directory of compiled entities.
 */
public final class Warmup {

    /** The driver's classes a connection and a batch use; loading them puts them in the archive. */
    private static final List<String> DRIVER_CLASSES = List.of(
            "org.postgresql.jdbc.PgConnection",
            "org.postgresql.jdbc.PgStatement",
            "org.postgresql.jdbc.PgPreparedStatement",
            "org.postgresql.jdbc.PgResultSet",
            "org.postgresql.core.v3.QueryExecutorImpl",
            "org.postgresql.core.v3.ConnectionFactoryImpl",
            "org.postgresql.core.v3.BatchedQuery",
            "org.postgresql.core.v3.SimpleQuery",
            "org.postgresql.core.Parser",
            "org.postgresql.core.PGStream",
            "org.postgresql.jdbc.PgArray",
            "org.postgresql.util.PSQLException",
            "org.postgresql.core.v3.ScramAuthenticator",
            "org.postgresql.core.QueryExecutorBase");

    private Warmup() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Class.forName("org.postgresql.Driver");
        Path work = Files.createTempDirectory("autogen-warmup");
        Project project = new Project(
                work.resolve("migrations"),
                "warmup",
                work.resolve("cache"),
                EntitySource.of(List.of(args[0])).withNaming(Naming.SPRING));
        Settings settings = Settings.of(new ConnectionSettings("jdbc:postgresql://localhost/warmup", null, null));
        Autogen.forProject(settings, project)
                .revision(new RevisionRequest(
                        "Warm up", true, true, "warmup", null, List.of(), List.of(), false, java.time.Instant.EPOCH));
        // What upgrade and downgrade run, short of a database: compiling, planning, version-table SQL, the script.
        Autogen.forProject(settings, project).upgradeSql("base:head");
        for (String name : DRIVER_CLASSES) {
            Class.forName(name, false, Warmup.class.getClassLoader());
        }
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.run(new String[] {"--help"}, Map.of(), nowhere, nowhere);
        Main.run(new String[] {"upgrade", "--help"}, Map.of(), nowhere, nowhere);
        againstADatabase(args[0], work.resolve("cli"), nowhere);
    }

    /**
     * The commands run most, through the command line, on a throw-away server: connecting, reading the
     * catalog, comparing, upgrading; their exit codes. Best effort: without a server (none), the archive
     * holds the rest.
     */
    static List<Integer> againstADatabase(String entities, Path project, PrintWriter nowhere) {
        List<Integer> exits = new java.util.ArrayList<>();
        try (EmbeddedDatabase server = EmbeddedDatabase.startThrowAway(null)) {
            Files.createDirectories(project);
            Path file = project.resolve(Configuration.FILE_NAME);
            Files.writeString(file, "entities.classpath = " + entities + "\nnaming = spring\n");
            ConnectionSettings database = server.connection();
            Map<String, String> environment = Map.of(
                    "AUTOGEN_URL", database.url(),
                    "AUTOGEN_USER", database.user(),
                    "AUTOGEN_PASSWORD", database.password());
            String config = file.toString();
            for (String[] command : List.of(
                    new String[] {"revision", "-c", config, "--autogenerate", "-m", "warm up", "--no-input"},
                    new String[] {"upgrade", "-c", config, "head"},
                    new String[] {"check", "-c", config},
                    new String[] {"revision", "-c", config, "--autogenerate", "-m", "nothing", "--no-input"},
                    new String[] {"current", "-c", config},
                    new String[] {"downgrade", "-c", config, "base"})) {
                exits.add(Main.run(command, environment, nowhere, nowhere));
            }
        } catch (IOException | RuntimeException e) {
            // No server here: the archive is made from what ran without one.
        }
        return exits;
    }
}
