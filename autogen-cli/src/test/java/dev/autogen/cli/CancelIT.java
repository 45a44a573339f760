package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C (or a service manager's TERM) during an upgrade: the statement running is cancelled on the
 * server, its migration rolled back, the migration lock released, and the command says where the database
 * stays before it exits; nothing keeps running on the server.
 *
 * <p>Alone, not beside another test class: it times signals against running statements.
 */
@Isolated
class CancelIT {

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalCancelsTheRunningStatementRollsBackAndSaysWhereTheDatabaseStays(String signal)
            throws IOException, SQLException, InterruptedException {
        Path migration = project.resolve("migrations/slow/M1_Slow.java");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, """
                package slow;

                import static dev.autogen.migration.Definitions.*;

                import dev.autogen.migration.Migration;
                import dev.autogen.migration.Operations;
                import dev.autogen.migration.Revision;

                @Revision(id = "slow1", message = "Slow", created = "2026-12-02T10:00:00Z")
                public final class M1_Slow implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.createTable(table(name("before_sleep")).column(column("id", "integer")));
                        op.execute("select pg_sleep(60)");
                    }
                }
                """);
        Files.writeString(
                project.resolve(Configuration.FILE_NAME), "migrations.dir = migrations\nmigrations.package = slow\n");
        try (TestDatabase db = TestDatabase.create();
                Connection watcher = db.connect()) {
            Cli cli = Cli.on(project, db);
            Cli.Running upgrade = cli.start("upgrade", "head");
            awaitSleeping(watcher);
            Instant signalled = Instant.now();
            upgrade.signal(signal);
            Cli.Result result = upgrade.waitFor(30);

            assertThat(Duration.between(signalled, Instant.now())).isLessThan(Duration.ofSeconds(20));
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.out()).contains("Running upgrade slow1, Slow");
            assertThat(result.err())
                    .as(result.toString())
                    .contains(
                            "error: upgrade of revision slow1 (Slow) failed at statement 2 of 2",
                            ": cancelled",
                            "the database stays at base");
            assertCancelledCleanly(watcher);
        }
    }

    @org.junit.jupiter.api.Test
    void plainJavaJarRunsTheCommandInATunedJvmThatCancelsWhenItsLauncherIsKilled()
            throws IOException, SQLException, InterruptedException {
        writeSlowMigration();
        Files.writeString(
                project.resolve(Configuration.FILE_NAME), "migrations.dir = migrations\nmigrations.package = slow\n");
        try (TestDatabase db = TestDatabase.create();
                Connection watcher = db.connect()) {
            Cli cli = Cli.on(project, db);
            Cli.Running upgrade = cli.start("upgrade", "head");
            awaitSleeping(watcher);
            List<ProcessHandle> tuned = upgrade.process()
                    .children()
                    .filter(child -> child.info()
                            .arguments()
                            .map(List::of)
                            .orElse(List.of())
                            .containsAll(TunedJvm.FLAGS))
                    .toList();
            assertThat(tuned).as("a child JVM with " + TunedJvm.FLAGS).hasSize(1);

            upgrade.process().destroyForcibly();
            upgrade.process().waitFor();
            assertThat(tuned.get(0).onExit())
                    .as("the command, its launcher gone")
                    .succeedsWithin(Duration.ofSeconds(20));
            assertCancelledCleanly(watcher);
        }
    }

    /** Nothing of the cancelled upgrade is left: no statement, no lock, no table, no revision. */
    private static void assertCancelledCleanly(Connection watcher) throws SQLException {
        assertThat(rows(
                        watcher,
                        "select count(*) from pg_stat_activity where query like '%pg_sleep(60)%' and pid <> pg_backend_pid()"
                                + " and datname = current_database()"))
                .as("nothing left running on the server")
                .isEqualTo(0);
        assertThat(rows(
                        watcher,
                        "select count(*) from pg_locks where locktype = 'advisory'"
                                + " and database = (select oid from pg_database where datname = current_database())"))
                .as("the migration lock")
                .isEqualTo(0);
        assertThat(rows(watcher, "select count(*) from pg_tables where tablename = 'before_sleep'"))
                .as("rolled back")
                .isEqualTo(0);
        assertThat(rows(watcher, "select count(*) from autogen_version")).isEqualTo(0);
    }

    @org.junit.jupiter.api.Test
    void anEmbeddedServerThatAKilledCommandLeftRunningIsStoppedAndSaidSo() throws Exception {
        writeSlowMigration();
        Files.writeString(
                project.resolve(Configuration.FILE_NAME),
                "url = embedded\nmigrations.dir = migrations\nmigrations.package = slow\n");
        Cli cli = new Cli(project, Map.of());
        Cli.Running upgrade = cli.start("upgrade", "head");
        Path pidFile = project.resolve(".autogen/pgdata/postmaster.pid");
        long postmaster = -1;
        for (int i = 0; i < 600 && postmaster < 0; i++) {
            Thread.sleep(100);
            List<String> lines;
            try {
                // initdb's single-user runs write and remove the same file while the data directory is made.
                lines = Files.readAllLines(pidFile);
            } catch (java.nio.file.NoSuchFileException notYet) {
                continue;
            }
            Path passwordFile = project.resolve(".autogen/pgdata.password");
            if (lines.size() > 3 && Files.exists(passwordFile)) {
                // The embedded server asks for the password kept beside its data.
                try (Connection watcher = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres",
                        "postgres",
                        Files.readString(passwordFile).strip())) {
                    if (rows(
                                    watcher,
                                    "select count(*) from pg_stat_activity where query like '%pg_sleep(60)%'"
                                            + " and pid <> pg_backend_pid()")
                            > 0) {
                        postmaster = Long.parseLong(lines.get(0).strip());
                    }
                } catch (SQLException starting) {
                    // Not accepting connections yet.
                }
            }
        }
        assertThat(postmaster).as("the upgrade reached its slow statement").isPositive();
        // Killed outright: the JVM running the command, and the plain java -jar that started it.
        upgrade.process().descendants().forEach(ProcessHandle::destroyForcibly);
        upgrade.process().destroyForcibly();
        upgrade.process().waitFor();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                .as("left running by the killed command")
                .contains(true);

        Cli.Result current = cli.run("current");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertThat(current.err())
                .contains("note: stopped the embedded PostgreSQL (pid " + postmaster
                        + ") an earlier autogen command left");
        assertThat(current.out()).contains("base (no revision applied)");
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    private void writeSlowMigration() throws IOException {
        Path migration = project.resolve("migrations/slow/M1_Slow.java");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, SLOW);
    }

    private static final String SLOW = """
            package slow;

            import static dev.autogen.migration.Definitions.*;

            import dev.autogen.migration.Migration;
            import dev.autogen.migration.Operations;
            import dev.autogen.migration.Revision;

            @Revision(id = "slow1", message = "Slow", created = "2026-12-02T10:00:00Z")
            public final class M1_Slow implements Migration {
                @Override
                public void upgrade(Operations op) {
                    op.createTable(table(name("before_sleep")).column(column("id", "integer")));
                    op.execute("select pg_sleep(60)");
                }
            }
            """;

    private static void awaitSleeping(Connection watcher) throws SQLException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (rows(
                            watcher,
                            "select count(*) from pg_stat_activity where query like '%pg_sleep(60)%' and pid <> pg_backend_pid()"
                                    + " and datname = current_database()")
                    > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the upgrade never reached its slow statement");
    }

    private static long rows(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
