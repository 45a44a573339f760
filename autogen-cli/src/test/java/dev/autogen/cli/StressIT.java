package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.discovery.MigrationLoader;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.schema.Schema;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Models;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Many runs at once, and runs killed at random moments: the version table and the schema always agree.
 *
 * <p>Alone, not beside another test class: its kills land at random moments of runs whose pace another
 * class would change.
 */
@Isolated
class StressIT {

    private static final int REVISIONS = 6;
    private static final IntrospectionScope SCOPE = IntrospectionScope.of("public");

    @TempDir
    static Path project;

    private static RevisionGraph graph;

    /** Six revisions, each creating two tables and taking a moment, so that a kill can land inside one. */
    @BeforeAll
    static void migrations() throws IOException {
        Files.writeString(
                project.resolve(Configuration.FILE_NAME), "migrations.dir = migrations\nmigrations.package = stress\n");
        String previous = null;
        for (int i = 1; i <= REVISIONS; i++) {
            String id = "r" + i;
            List<Operation> upgrade =
                    List.of(table("t" + i + "a"), table("t" + i + "b"), new Execute("select pg_sleep(0.15)", null));
            MigrationSource source = Pg.writer("stress")
                    .write(
                            RevisionInfo.of(
                                    id,
                                    previous == null ? List.of() : List.of(previous),
                                    "step " + i,
                                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)),
                            upgrade);
            Path file = project.resolve("migrations").resolve(source.relativePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.source());
            previous = id;
        }
        graph = RevisionGraph.of(
                MigrationLoader.fromSources(project.resolve("migrations"), project.resolve("test-cache")));
    }

    private static CreateTable table(String name) {
        return new CreateTable(Models.table(Models.name("public", name))
                .column(Models.column("id", "bigint").notNull())
                .column(Models.column("note", "text"))
                .primaryKey(name + "_pkey", "id")
                .table());
    }

    @Test
    void eightProcessesUpgradingAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            List<Process> processes = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path output = Files.createTempFile("upgrade", ".txt");
                outputs.add(output);
                processes.add(process(db, output, "upgrade", "head"));
            }
            for (int i = 0; i < processes.size(); i++) {
                assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(processes.get(i).exitValue())
                        .as(Files.readString(outputs.get(i)))
                        .isZero();
            }
            try (Connection c = db.connect()) {
                assertThat(heads(c)).containsExactly("r6");
                assertThat(rows(c, "select revision || ' ' || direction from autogen_version_history order by id"))
                        .containsExactly(
                                "r1 upgrade", "r2 upgrade", "r3 upgrade", "r4 upgrade", "r5 upgrade", "r6 upgrade");
            }
            assertThat(ModelLines.of(db.introspect(SCOPE)))
                    .containsExactlyElementsOf(ModelLines.of(modelAt(Set.of("r6"))));
        }
    }

    @Test
    void twelveRunsKilledAtRandomMomentsLeaveTheVersionAndTheSchemaInStep() throws Exception {
        Random random = new Random(20261126);
        Map<String, Integer> killedAt = new TreeMap<>();
        for (int run = 0; run < 12; run++) {
            try (TestDatabase db = TestDatabase.create()) {
                Path output = Files.createTempFile("killed", ".txt");
                Process upgrade = process(db, output, "upgrade", "head");
                Thread.sleep(300 + random.nextInt(1300));
                Cli.killWithItsChildren(upgrade);

                Set<String> heads;
                try (Connection c = db.connect()) {
                    heads = heads(c);
                }
                killedAt.merge(heads.isEmpty() ? "base" : String.join(",", heads), 1, Integer::sum);
                assertThat(ModelLines.of(db.introspect(SCOPE)))
                        .as("run %d, killed at %s", run, heads)
                        .containsExactlyElementsOf(ModelLines.of(modelAt(heads)));

                Path rerun = Files.createTempFile("rerun", ".txt");
                Process again = process(db, rerun, "upgrade", "head");
                assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(again.exitValue()).as(Files.readString(rerun)).isZero();
                try (Connection c = db.connect()) {
                    assertThat(heads(c)).containsExactly("r6");
                }
                assertThat(ModelLines.of(db.introspect(SCOPE)))
                        .containsExactlyElementsOf(ModelLines.of(modelAt(Set.of("r6"))));
            }
        }
        System.out.println("kill points (revision recorded when killed -> runs): " + killedAt);
        assertThat(killedAt.keySet()).as("kills landed at more than one point").hasSizeGreaterThan(2);
    }

    /** The schema the migrations up to {@code heads} build, replayed in memory. */
    private static Schema modelAt(Set<String> heads) {
        Schema schema = Schema.empty().withNamespaces(List.of("public"));
        for (RevisionNode node : graph.upgradePlan(Set.of(), heads)) {
            for (Operation operation : Pg.upgrade(node.migration())) {
                schema = operation.applyTo(schema);
            }
        }
        return schema;
    }

    private static Set<String> heads(Connection c) throws Exception {
        if (rows(c, "select to_regclass('public.autogen_version')::text").get(0) == null) {
            return Set.of();
        }
        return new TreeSet<>(rows(c, "select version_num from autogen_version"));
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static Process process(TestDatabase db, Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Cli.JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
        builder.environment().put("AUTOGEN_URL", db.settings().url());
        builder.environment().put("AUTOGEN_USER", db.settings().user());
        return builder.start();
    }
}
