package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import dev.autogen.testing.MigrationSources;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet through the real jar, on tenant schemas named by {@code targets.schemas}: a run killed with
 * {@code kill -9} part way leaves every tenant whole at a revision and a rerun finishes the rest applying
 * nothing twice; a tenant whose rows refuse a migration fails alone with {@code --continue-on-error}, the
 * report says so (table and JSON) and the exit code too, and {@code --only-failed} then runs that one alone.
 */
class FleetIT {

    private static final int TENANTS = 40;

    @TempDir
    static Path project;

    private static TestDatabase db;
    private static Cli cli;

    @BeforeAll
    static void migrations() throws IOException {
        Files.writeString(
                project.resolve(Configuration.FILE_NAME),
                "migrations.dir = migrations\nmigrations.package = fleet\ntargets.schemas = tenant_*\n");
        write("r1", null, """
                op.createTable(table(name("customer"))
                        .column(column("id", "integer").notNull())
                        .column(column("name", "text"))
                        .primaryKey("customer_pkey", "id"));""");
        // Slow enough that a kill lands while tenants are being migrated.
        write("r2", "r1", """
                op.addColumn(name("customer"), column("email", "text"));
                op.execute("select pg_sleep(0.05)", "select 1");
                op.addUniqueConstraint(name("customer"), unique("customer_name_key", "name"));""");
        db = TestDatabase.create();
        cli = Cli.on(project, db);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void tenants() {
        List<String> statements = new ArrayList<>();
        IntStream.range(0, TENANTS).forEach(i -> statements.add("drop schema if exists " + tenant(i) + " cascade"));
        IntStream.range(0, TENANTS).forEach(i -> statements.add("create schema " + tenant(i)));
        db.execute(statements);
    }

    @Test
    void aFleetKilledPartWayIsFinishedByTheNextRunWithNothingAppliedTwice() throws Exception {
        Cli.Running run = cli.start("upgrade", "head", "--parallel", "3");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (atHead() < TENANTS / 4) {
            assertThat(System.nanoTime())
                    .as("tenants reached head before the kill")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        Cli.killWithItsChildren(run.process());
        int killedAt = atHead();
        assertThat(killedAt).as("tenants at head when killed").isLessThan(TENANTS);
        for (int i = 0; i < TENANTS; i++) {
            assertWhole(tenant(i));
        }

        Cli.Result rerun = cli.run("upgrade", "head", "--parallel", "3");

        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains(TENANTS + " targets: " + TENANTS + " ok");
        assertThat(rerun.out()).containsPattern("tenant_000 +r2 +r2 .*ok \\(nothing to do\\)");
        assertThat(atHead()).isEqualTo(TENANTS);
        assertThat(db.query("select count(*) from ("
                        + IntStream.range(0, TENANTS)
                                .mapToObj(i -> "select revision from " + tenant(i) + ".autogen_version_history")
                                .collect(Collectors.joining(" union all "))
                        + ") h"))
                .as("each migration applied once on each tenant")
                .containsExactly(String.valueOf(2 * TENANTS));
    }

    @Test
    void aTenantTheRowsRefuseFailsAloneAndIsThenRunAloneFromTheReport() {
        assertThat(cli.run("upgrade", "r1", "--parallel", "4").exitCode()).isZero();
        Cli.Result pending = cli.run("lint", "--schemas", "tenant_00*", "--format", "json");
        assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(3);
        assertThat(pending.out()).contains("\"differs\": 10").contains("\"before\": [\"r1\"]");
        String bad = tenant(TENANTS / 2);
        db.execute("insert into " + bad + ".customer values (1, 'ada'), (2, 'ada')");

        Cli.Result failed = cli.run(
                "upgrade",
                "head",
                "--parallel",
                "4",
                "--continue-on-error",
                "--report",
                "report.json",
                "--format",
                "json");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out())
                .contains("\"summary\": {\"ok\": " + (TENANTS - 1) + ", \"differs\": 0, \"failed\": 1, \"skipped\": 0}")
                .contains("{\"target\": \"" + bad + "\", \"status\": \"failed\", \"before\": [\"r1\"], \"after\":"
                        + " [\"r1\"]");
        assertThat(failed.err()).contains("failed: " + bad + ": ").contains("customer_name_key");
        assertThat(project.resolve("report.json")).hasContent(failed.out().strip());
        assertThat(db.query("select count(*) from information_schema.columns where column_name = 'email'"))
                .containsExactly(String.valueOf(TENANTS - 1));

        db.execute("update " + bad + ".customer set name = 'grace' where id = 2");
        Cli.Result resumed = cli.run("upgrade", "head", "--only-failed", "report.json", "--report", "report.json");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).containsPattern(bad + " +r1 +r2 .*ok \\(1 migration\\)");
        assertThat(resumed.out()).contains("1 target: 1 ok");
        assertThat(atHead()).isEqualTo(TENANTS);

        Cli.Result current = cli.run("current", "--schemas", "tenant_00*");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertThat(current.out()).contains("10 targets: 10 ok").contains("at head");
        Cli.Result linted = cli.run("lint", "--schemas", "tenant_00*");
        assertThat(linted.exitCode()).as(linted.toString()).isZero();
        assertThat(linted.out()).contains("10 targets: 10 ok").contains("no risks");
        db.execute("alter table " + tenant(3) + ".customer add column note text");
        Cli.Result drift = cli.run("drift", "--schemas", "tenant_00*", "--parallel", "2", "--continue-on-error");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(3);
        assertThat(drift.out())
                .contains("10 targets: 9 ok, 1 differs")
                .containsPattern(tenant(3) + " +r2 +r2 .*differs \\(1 difference\\)");
    }

    @Test
    void aFleetThatNamesNothingOrAReportThatIsNoneIsAOneLineError() throws IOException {
        Cli.Result none = cli.run("upgrade", "head", "--schemas", "nobody_*");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err().strip())
                .isEqualTo("error: the fleet has no targets: the schema pattern 'nobody_*' names none (check"
                        + " targets.schemas, targets.file and targets.query)");

        Files.writeString(project.resolve("not-a-report.json"), "{\"targets\": 3}");
        Cli.Result notAReport = cli.run("upgrade", "head", "--only-failed", "not-a-report.json");
        assertThat(notAReport.exitCode()).isEqualTo(1);
        assertThat(notAReport.err().strip())
                .startsWith("error: the report is not a fleet report: targets is")
                .doesNotContain("\n");

        Cli.Result badParallel = cli.run("upgrade", "head", "--parallel", "0");
        assertThat(badParallel.exitCode()).isEqualTo(1);
        assertThat(badParallel.err().strip())
                .startsWith("error: parallel must be at least 1")
                .doesNotContain("\n");
        assertThat(atHead()).isZero();
    }

    /** Its version table says a revision, and its tables are what that revision makes. */
    private static void assertWhole(String tenant) {
        boolean versioned = db.query("select to_regclass('" + tenant + ".autogen_version') is not null")
                .get(0)
                .equals("t");
        List<String> version =
                versioned ? db.query("select version_num from " + tenant + ".autogen_version") : List.of();
        String at = version.isEmpty() ? "base" : version.get(0);
        List<String> columns = db.query("select column_name from information_schema.columns where table_schema = '"
                + tenant + "' and table_name = 'customer' order by ordinal_position");
        List<String> expected = switch (at) {
            case "base" -> List.of();
            case "r1" -> List.of("id", "name");
            default -> List.of("id", "name", "email");
        };
        assertThat(columns).as("%s at %s", tenant, at).isEqualTo(expected);
    }

    private static int atHead() {
        return Integer.parseInt(db.query("select count(*) from information_schema.columns where table_schema like"
                        + " 'tenant\\_%' and column_name = 'email'")
                .get(0));
    }

    private static String tenant(int i) {
        return "tenant_%03d".formatted(i);
    }

    private static void write(String id, String revises, String body) {
        MigrationSources.write(project.resolve("migrations"), "fleet", id, revises, body);
    }
}
