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
import dev.autogen.revision.RevisionGraph;
import dev.autogen.runner.OfflineScript;
import dev.autogen.runner.VersionTables;
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

    /** The driver's classes a connection and a batch use; loading them puts them in the archive. */
    private static final List<String> DRIVER_CLASSES = List.of(
            "org.postgresql.jdbc.PgConnection", "org.postgresql.jdbc.PgStatement", "org.postgresql.jdbc.PgPreparedStatement",
            "org.postgresql.jdbc.PgResultSet", "org.postgresql.core.v3.QueryExecutorImpl", "org.postgresql.core.v3.ConnectionFactoryImpl",
            "org.postgresql.core.v3.BatchedQuery", "org.postgresql.core.v3.SimpleQuery", "org.postgresql.core.Parser",
            "org.postgresql.core.PGStream", "org.postgresql.jdbc.PgArray", "org.postgresql.util.PSQLException",
            "org.postgresql.core.v3.ScramAuthenticator", "org.postgresql.core.QueryExecutorBase");

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
        RevisionGraph graph = RevisionGraph.of(MigrationLoader.fromSources(work.resolve("src"), work.resolve("cache")));
        // What upgrade and downgrade run, short of a database: planning, version-table SQL, the offline script.
        new OfflineScript(graph, new VersionTables("public", "autogen_version"), dialect).upgrade("base:head");
        for (String name : DRIVER_CLASSES) {
            Class.forName(name, false, Warmup.class.getClassLoader());
        }
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.run(new String[] {"--help"}, Map.of(), nowhere, nowhere);
        Main.run(new String[] {"upgrade", "--help"}, Map.of(), nowhere, nowhere);
    }
}
