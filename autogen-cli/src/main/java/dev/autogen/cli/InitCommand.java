package dev.autogen.cli;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Configuration;
import dev.autogen.api.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Write a starter autogen.properties and a migrations directory in DIR (default: here).")
final class InitCommand implements Callable<Integer> {

    static final String TEMPLATE = """
            # autogen configuration. Relative paths are relative to this file.

            # The database: a JDBC URL, or "embedded" for a PostgreSQL whose data lives in .autogen/pgdata here.
            url = embedded
            #user = app
            #password = (better: the AUTOGEN_PASSWORD environment variable)
            #schema = public

            # Where your compiled @Entity classes are: directories, jars and dir/*, separated by ':'.
            entities.classpath = target/classes
            #entities.packages = com.example.domain

            # Where migrations are written, and their Java package.
            migrations.dir = migrations
            migrations.package = migrations

            #version.table = autogen_version
            # hibernate (default), spring, or a physical and an implicit naming strategy class, comma-separated.
            #naming = hibernate
            # Tables autogen never reads, changes or drops.
            #exclude.tables = flyway_*, legacy_*
            """;

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where to write (default: the current directory).")
    Path directory = Path.of(".");

    /**
     * {@code .autogen/} holds the embedded database's files and the caches: never to be committed. An
     * existing {@code .gitignore} gets the line unless it has it; none is written when the line is there.
     */
    private static void ignoreWorkFiles(Path gitignore) throws IOException {
        String line = ".autogen/";
        if (Files.exists(gitignore)) {
            String text = Files.readString(gitignore);
            if (text.lines().map(String::strip).anyMatch(l -> l.equals(line) || l.equals(".autogen"))) {
                return;
            }
            Files.writeString(
                    gitignore,
                    (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n",
                    StandardOpenOption.APPEND);
        } else {
            Files.writeString(gitignore, line + "\n");
        }
    }

    @Override
    public Integer call() {
        Path file = directory.resolve(Configuration.FILE_NAME);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, TEMPLATE, StandardOpenOption.CREATE_NEW);
            Files.createDirectories(directory.resolve("migrations"));
            ignoreWorkFiles(directory.resolve(".gitignore"));
        } catch (FileAlreadyExistsException e) {
            throw new AutogenException(
                    ErrorCode.FILE_EXISTS,
                    file + " exists already; nothing was changed",
                    "edit it, or init another directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        main.out.println(
                "Wrote " + file + " and " + directory.resolve("migrations") + "/, and kept .autogen/ out of git");
        main.out.println("Next: set entities.classpath, then 'autogen revision --autogenerate -m \"first\"'.");
        return Main.OK;
    }
}
