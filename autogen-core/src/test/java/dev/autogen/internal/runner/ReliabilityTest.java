package dev.autogen.internal.runner;

import static dev.autogen.internal.runner.RunnerTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.api.RunResult;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.testing.Models;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the runner does when things go wrong around it: busy locks, dropped connections, edited files, crashes. */
@Tag("database")
class ReliabilityTest {

    private static final VersionTableSql TABLES = PostgresDialect.INSTANCE.versionTables("public", "autogen_version");

    private static CreateTable table(String name) {
        return new CreateTable(Models.table(Models.name("public", name))
                .column(Models.column("id", "integer").notNull())
                .primaryKey(name + "_pkey", "id")
                .table());
    }

    @Test
    void givesUpOnALockHeldPastTheWaitAndNamesWhoHoldsIt() throws Exception {
        Runner patient = new Runner(
                RevisionGraph.of(List.of(node("r1", List.of(), List.of(), table("t1")))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                new RunOptions(Duration.ofMillis(300), Duration.ZERO),
                RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection holder = db.connect();
                Connection c = db.connect()) {
            int holderPid;
            try (Statement s = holder.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select pg_backend_pid(), pg_advisory_lock(hashtext('" + TABLES.lockName() + "'))")) {
                rs.next();
                holderPid = rs.getInt(1);
            }
            assertThatThrownBy(() -> patient.upgrade(c, "head"))
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining(
                            "another session holds the migration lock public.autogen_version for more than 300 ms: pid "
                                    + holderPid + ", application 'autogen'")
                    .hasMessageContaining("raise lock.wait")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.LOCK_TIMEOUT);
            assertThat(RunnerTest.tables(c)).isEmpty();
        }
    }

    @Test
    void aStatementWaitingOnABusyTableFailsCleanlyAfterLockTimeout() throws Exception {
        Runner impatient = new Runner(
                RevisionGraph.of(List.of(
                        node("r1", List.of(), List.of(), table("busy")),
                        node(
                                "r2",
                                List.of("r1"),
                                List.of(),
                                new Execute(
                                        "alter table busy add column note text",
                                        "alter table busy drop column note")))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                new RunOptions(Duration.ofSeconds(30), Duration.ofMillis(200)),
                RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection reader = db.connect();
                Connection c = db.connect()) {
            impatient.upgrade(c, "r1");
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("select * from busy");
            }
            assertThatThrownBy(() -> impatient.upgrade(c, "head"))
                    .hasMessageContaining("upgrade of revision r2 (make r2) failed at statement 1 of 1")
                    .hasMessageContaining("lock timeout")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.LOCK_TIMEOUT);
            reader.rollback();
            assertThat(impatient.current(c)).containsExactly("r1");
            assertThat(impatient.upgrade(c, "head").after()).containsExactly("r2");
        }
    }

    @Test
    void aConnectionTheServerEndsMidMigrationRollsItBackAndARerunSucceeds() throws Exception {
        Runner runner = new Runner(
                RevisionGraph.of(List.of(
                        node("r1", List.of(), List.of(), table("first")),
                        node(
                                "r2",
                                List.of("r1"),
                                List.of(),
                                table("second"),
                                new Execute(
                                        "select pg_sleep(case when to_regclass('public.go_fast') is null then 30 else 0 end)",
                                        null)))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                RunOptions.DEFAULT,
                RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection observer = db.connect()) {
            Connection victim = db.connect();
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.upgrade(victim, "head"));
            int pid = sleepingMigration(observer);
            try (Statement s = observer.createStatement()) {
                s.execute("select pg_terminate_backend(" + pid + ")");
            }
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining("upgrade of revision r2 (make r2) failed at statement 2 of 2")
                    .hasMessageContaining("the connection to the database was lost")
                    .hasMessageContaining("the database stays at r1; run the command again")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.CONNECTION_LOST);
            victim.close();

            try (Connection c = db.connect()) {
                assertThat(runner.current(c)).containsExactly("r1");
                assertThat(RunnerTest.tables(c)).containsExactly("first");
                db.execute("create table go_fast (id int)");
                assertThat(runner.upgrade(c, "head").after()).containsExactly("r2");
            }
        }
    }

    @Test
    void refusesToMoveWhenAnAppliedMigrationWasEditedAndStampRecordsTheEdit() throws Exception {
        Runner original = new Runner(
                RevisionGraph.of(List.of(node("r1", List.of(), List.of(), table("t1")))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                RunOptions.DEFAULT,
                RunListener.NONE);
        Runner edited = new Runner(
                RevisionGraph.of(List.of(node("r1", List.of(), List.of(), table("t1_renamed")))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                RunOptions.DEFAULT,
                RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            original.upgrade(c, "head");
            assertThatThrownBy(() -> edited.downgrade(c, "base"))
                    .hasMessageContaining("revision r1 (r1) was edited after it was applied")
                    .hasMessageContaining("'autogen stamp r1' records the edit")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.MIGRATION_CHANGED);
            assertThat(RunnerTest.tables(c)).containsExactly("t1");

            edited.stamp(c, "r1");
            assertThat(edited.upgrade(c, "head").steps()).isEmpty();
        }
    }

    /** A migration whose connection dies after its concurrent build committed, while it sleeps. */
    private static Runner dyingAfterTheBuild(String last) {
        return plain(
                node("r1", List.of(), List.of(), table("big")),
                node(
                        "r2",
                        List.of("r1"),
                        List.of(),
                        new Execute("create index concurrently big_id on big (id)", "drop index concurrently big_id"),
                        new Execute(
                                "select pg_sleep(case when to_regclass('public.go_fast') is null then 30 else 0 end)",
                                null),
                        new Execute(
                                last, "drop table " + last.substring("create table ".length(), last.indexOf(" (")))));
    }

    /** A runner over {@code nodes} with the default options and nobody listening. */
    private static Runner plain(dev.autogen.internal.revision.RevisionNode... nodes) {
        return new Runner(
                RevisionGraph.of(List.of(nodes)),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                RunOptions.DEFAULT,
                RunListener.NONE);
    }

    private static void killWhileSleeping(TestDatabase db, Runner runner) throws Exception {
        try (Connection observer = db.connect()) {
            Connection victim = db.connect();
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.upgrade(victim, "head"));
            int pid = sleepingMigration(observer);
            try (Statement s = observer.createStatement()) {
                s.execute("select pg_terminate_backend(" + pid + ")");
            }
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                    .cause()
                    .hasMessageContaining("the connection to the database was lost")
                    .hasMessageContaining("revision r2 is interrupted after statement 1; 'upgrade' completes it,"
                            + " 'downgrade' undoes it");
            victim.close();
        }
    }

    @Test
    void aRunThatDiesAfterAPartCommittedIsCompletedByUpgradeAndUndoneByDowngradeUnlessEdited() throws Exception {
        Runner runner = dyingAfterTheBuild("create table after (id int)");
        Runner edited = dyingAfterTheBuild("create table edited (id int)");
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            runner.upgrade(c, "r1");
            killWhileSleeping(db, runner);
            assertThat(runner.current(c)).containsExactly("r1");
            assertThatThrownBy(() -> edited.upgrade(c, "head"))
                    .hasMessageContaining("revision r2 was interrupted at")
                    .hasMessageContaining(": its upgrade stopped after statement 1, and the migration was edited since")
                    .hasMessageContaining("then 'autogen stamp' the revision the schema is at")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.MIGRATION_INTERRUPTED);

            // downgrade -1 undoes the interrupted revision and goes no further.
            db.execute("create table go_fast (id int)");
            RunResult undone = runner.downgrade(c, "-1");
            assertThat(undone.after()).containsExactly("r1");
            assertThat(RunnerTest.tables(c)).containsExactlyInAnyOrder("big", "go_fast");
            assertThat(db.query("select count(*) from pg_indexes where indexname = 'big_id'"))
                    .containsExactly("0");
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");

            db.execute("drop table go_fast");
            killWhileSleeping(db, runner);
            db.execute("create table go_fast (id int)");
            // Taken up after the index: building it again would fail, as it already exists.
            assertThat(runner.upgrade(c, "head").after()).containsExactly("r2");
            assertThat(RunnerTest.tables(c)).containsExactlyInAnyOrder("big", "go_fast", "after");
            assertThat(db.query("select count(*) from pg_indexes where indexname = 'big_id'"))
                    .containsExactly("1");
        }
    }

    @Test
    void aVersionTableDroppedByHandIsSaidAndOnlyAStampMakesItAnew() throws Exception {
        Runner runner = plain(node("r1", List.of(), List.of(), table("t1")));
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            runner.upgrade(c, "head");
            db.execute("drop table autogen_version");

            for (Runnable command : List.<Runnable>of(() -> runner.current(c), () -> runner.upgrade(c, "head"))) {
                assertThatThrownBy(command::run)
                        .hasMessageContaining(
                                "public.autogen_version is missing, while public.autogen_version_history beside"
                                        + " it records the migrations that ran here")
                        .hasMessageContaining("'autogen stamp REV' with the revision the schema is at makes it anew")
                        .extracting(e -> ((AutogenException) e).code())
                        .isEqualTo(ErrorCode.VERSION_TABLE_INVALID);
            }
            assertThat(RunnerTest.tables(c)).doesNotContain("autogen_version");

            runner.stamp(c, "r1");
            assertThat(runner.current(c)).containsExactly("r1");
            assertThat(runner.upgrade(c, "head").steps()).isEmpty();
        }
    }

    @Test
    void stampOverAnInterruptedMigrationRecordsWhatItOverrode() throws Exception {
        Runner runner = dyingAfterTheBuild("create table after (id int)");
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            runner.upgrade(c, "r1");
            killWhileSleeping(db, runner);
            assertThat(runner.interruption(c))
                    .hasValueSatisfying(said -> assertThat(said)
                            .startsWith("revision r2 is interrupted: its upgrade stopped after statement 1 (at ")
                            .endsWith("); 'autogen upgrade' completes it, 'autogen downgrade' undoes it"));

            runner.stamp(c, "r2");
            assertThat(runner.interruption(c)).isEmpty();
            assertThat(db.query("select note from autogen_version_history where direction = 'stamp'"))
                    .anyMatch(note -> note.equals(
                            "stamp r2 overrode revision r2, interrupted: its upgrade stopped after statement 1"));
            assertThat(runner.current(c)).containsExactly("r2");
        }
    }

    /** The pid of the autogen session once it sits in the migration's pg_sleep. */
    private static int sleepingMigration(Connection observer) throws Exception {
        for (int i = 0; i < 400; i++) {
            try (Statement s = observer.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select pid from pg_stat_activity where application_name = 'autogen' and query like 'select pg_sleep%'"
                                    + " and state = 'active'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the migration never started sleeping");
    }
}
