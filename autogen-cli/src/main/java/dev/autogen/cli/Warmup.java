package dev.autogen.cli;

import dev.autogen.codegen.MigrationSource;
import dev.autogen.codegen.MigrationWriter;
import dev.autogen.codegen.RevisionInfo;
import dev.autogen.dialect.PostgresDialect;
import dev.autogen.diff.SchemaDiffer;
import dev.autogen.discovery.MigrationLoader;
import dev.autogen.entities.EntityModel;
import dev.autogen.entities.EntityReader;
import dev.autogen.entities.EntitySource;
import dev.autogen.operations.Operation;
import dev.autogen.schema.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A training run for {@code bin/autogen}'s class-data sharing archive: it does, offline, what a typical
 * command does (boot Hibernate on some entities, diff, generate, render SQL, compile a migration, parse a
 * command line), so that the archive holds the classes those load and later commands start faster.
 * Argument: a directory of compiled entities.
 */
public final class Warmup {

    private Warmup() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Class.forName("org.postgresql.Driver");
        Schema target;
        try (EntityModel model = EntityReader.read(EntitySource.of(List.of(args[0])))) {
            target = model.schema();
        }
        List<Operation> operations = SchemaDiffer.diff(Schema.empty(), target);
        PostgresDialect dialect = new PostgresDialect();
        operations.forEach(dialect::render);
        MigrationSource source = MigrationWriter.write("warmup", RevisionInfo.of("warmup", List.of(), "Warm up", Instant.EPOCH), operations);
        Path work = Files.createTempDirectory("autogen-warmup");
        Path file = work.resolve("src").resolve(source.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.source());
        MigrationLoader.fromSources(work.resolve("src"), work.resolve("cache"));
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.run(new String[] {"--help"}, Map.of(), nowhere, nowhere);
        Main.run(new String[] {"upgrade", "--help"}, Map.of(), nowhere, nowhere);
    }
}
