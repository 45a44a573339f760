package dev.autogen.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.EntitySource;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.discovery.MigrationLoader;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.schema.Schema;
import dev.autogen.sample.Owner;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's generated migration, run from its source, from a jar and as an offline script. */
@Tag("database")
class SampleMigrationTest {

    private static final String PACKAGE = "com.example.clinic.migrations";
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @TempDir
    Path work;

    @Test
    void upgradeHeadReachesHibernatesSchemaFromSourcesAndFromAJarAndOffline() throws Exception {
        try (EntityModel model = Pg.read(EntitySource.of(List.of(TestClasspath.locationOf(Owner.class)))
                        .withNaming(Naming.SPRING));
                TestDatabase fromSources = TestDatabase.create();
                TestDatabase fromJar = TestDatabase.create();
                TestDatabase offline = TestDatabase.create();
                TestDatabase hibernates = TestDatabase.create()) {
            Schema target = Pg.canonical(model.schema());
            IntrospectionScope scope = IntrospectionScope.of("public").withOtherSchemas(target.namespaces());
            Schema empty = fromSources.introspect(scope);
            Path sources = writeMigration(target, empty);
            hibernates.execute(model.hibernateCreateScript());
            Schema expected = hibernates.introspect(scope);

            RevisionGraph graph = RevisionGraph.of(MigrationLoader.fromSources(sources, work.resolve("cache")));
            Runner runner = new Runner(
                    graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, RunListener.NONE);
            try (Connection c = fromSources.connect()) {
                assertThat(runner.upgrade(c, "head").after()).containsExactly("0001clinic");
                assertReached(fromSources.introspect(scope), expected, target);

                runner.downgrade(c, "base");
                assertThat(fromSources.introspect(scope)).isEqualTo(empty);
                assertThat(runner.current(c)).isEmpty();
                assertThat(RunnerTest.history(c)).containsExactly("0001clinic upgrade", "0001clinic downgrade");

                runner.upgrade(c, "head");
                assertReached(fromSources.introspect(scope), expected, target);
            }

            Path jar = jar(work.resolve("cache"), work.resolve("migrations.jar"));
            List<RevisionNode> packaged = MigrationLoader.fromClasspath(List.of(jar), PACKAGE);
            assertThat(packaged).extracting(RevisionNode::id).containsExactly("0001clinic");
            try (Connection c = fromJar.connect()) {
                new Runner(
                                RevisionGraph.of(packaged),
                                PostgresDialect.INSTANCE,
                                "public",
                                "autogen_version",
                                RunOptions.DEFAULT,
                                RunListener.NONE)
                        .upgrade(c, "head");
                assertThat(ModelLines.of(fromJar.introspect(scope)))
                        .containsExactlyElementsOf(ModelLines.of(fromSources.introspect(scope)));
                assertThat(new Runner(
                                        RevisionGraph.of(packaged),
                                        PostgresDialect.INSTANCE,
                                        "public",
                                        "autogen_version",
                                        RunOptions.DEFAULT,
                                        RunListener.NONE)
                                .current(c))
                        .containsExactly("0001clinic");
            }

            String script = new OfflineScript(
                            graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT)
                    .upgrade("base:head");
            try (Connection c = offline.connect();
                    Statement statement = c.createStatement()) {
                // What psql does with the script, but for its own meta-commands (\\set ON_ERROR_STOP on).
                statement.execute(script.replaceAll("(?m)^\\\\.*$", ""));
                assertThat(ModelLines.of(offline.introspect(scope)))
                        .containsExactlyElementsOf(ModelLines.of(fromSources.introspect(scope)));
                assertThat(runner.current(c)).containsExactly("0001clinic");
                assertThat(RunnerTest.history(c)).containsExactly("0001clinic upgrade");
            }
        }
    }

    @Test
    void compiledClassesAreReusedUntilASourceChanges() throws IOException {
        Path sources = writeMigration(
                Schema.empty().withNamespaces(List.of("public")), Schema.empty().withNamespaces(List.of("public")));
        Path cache = work.resolve("cache");
        MigrationLoader.fromSources(sources, cache);
        MigrationLoader.fromSources(sources, cache);
        assertThat(entries(cache)).hasSize(1);

        Path file = Files.walk(sources)
                .filter(p -> p.toString().endsWith(".java"))
                .findFirst()
                .orElseThrow();
        Files.writeString(file, Files.readString(file).replace("Nothing to do.", "Still nothing to do."));
        MigrationLoader.fromSources(sources, cache);
        assertThat(entries(cache)).hasSize(2);
    }

    @Test
    void namesTheFileAndLineOfASourceThatDoesNotCompile() throws IOException {
        Path file = work.resolve("src/com/example/Broken.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package com.example;\n\npublic class Broken {\n    int x = ;\n}\n");
        assertThatThrownBy(() -> MigrationLoader.fromSources(work.resolve("src"), work.resolve("cache")))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining("migration source " + file + ":4 does not compile: illegal start of expression")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.MIGRATION_COMPILE_FAILED);
    }

    private Path writeMigration(Schema target, Schema current) throws IOException {
        MigrationSource source = Pg.writer(PACKAGE)
                .write(
                        RevisionInfo.of(
                                "0001clinic", List.of(), "Create the clinic", Instant.parse("2026-11-26T10:00:00Z")),
                        Pg.diff(current, target));
        Path file = work.resolve("src").resolve(source.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.source());
        return work.resolve("src");
    }

    private static void assertReached(Schema migrated, Schema hibernates, Schema target) {
        assertThat(ModelLines.of(migrated, target)).containsExactlyElementsOf(ModelLines.of(hibernates, target));
        assertThat(Pg.diff(migrated, target)).isEmpty();
    }

    /** Packs the one compiled output directory in the cache as an application jar would hold it. */
    private static Path jar(Path cache, Path jar) throws IOException {
        Path classes = entries(cache).get(0);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path :
                    walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.sorted().toList();
        }
    }
}
