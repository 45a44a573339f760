package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.testing.Catalog;
import dev.autogen.testing.Models;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration with every lock-safe form, on tables with rows, through the real jar: rows that refuse any
 * part of it leave the catalog and the version table exactly as they were; a run killed at any of its DDL
 * statements is completed by the next upgrade or undone by the next downgrade; eight runs at once all
 * succeed and apply it once.
 *
 * <p>Alone, not beside another test class: it kills runs at chosen statements and races processes against one
 * lock, timed against one another.
 */
@Isolated
class AllOrNothingIT {

    private static final QualifiedName T = Models.name("public", "t");
    private static final QualifiedName P = Models.name("public", "p");

    @TempDir
    static Path project;

    /** r1: two tables with rows. r2: an index, a unique key, a foreign key, a check, a NOT NULL, in their lock-safe forms, then a type change that casts every value of p. */
    @BeforeAll
    static void migrations() throws IOException {
        Files.writeString(
                project.resolve(Configuration.FILE_NAME), "migrations.dir = migrations\nmigrations.package = aon\n");
        Operation parent = new CreateTable(Models.table(P)
                .column(Models.column("id", "integer").notNull())
                .column(Models.column("code", "text"))
                .primaryKey("p_pkey", "id")
                .table());
        Operation child = new CreateTable(Models.table(T)
                .column(Models.column("id", "integer").notNull())
                .column(Models.column("email", "text"))
                .column(Models.column("parent_id", "integer"))
                .column(Models.column("qty", "integer"))
                .primaryKey("t_pkey", "id")
                .table());
        Operation rows = new Execute(
                "insert into p select g, g::text from generate_series(1, 10) g;"
                        + " insert into t select g, 'row' || g || '@example.com', 1 + g % 10, g from generate_series(1, 2000) g",
                null);
        Column qty = Column.of("qty", "integer", true);
        Column code = Column.of("code", "text", true);
        List<Operation> plain = List.of(
                new CreateIndex(
                        T, new Index("ix_t_parent", false, List.of(IndexKey.column("parent_id")), "btree", null)),
                new AddUniqueConstraint(T, new UniqueConstraint("uk_t_email", List.of("email"))),
                new AddForeignKey(T, ForeignKey.of("fk_t_parent", List.of("parent_id"), P, List.of("id"))),
                new AddCheckConstraint(T, new CheckConstraint("ck_t_qty", "qty >= 0")),
                new AlterColumn(T, qty, qty.withNullable(false)));
        List<Operation> change = new ArrayList<>();
        PostgresDialect.INSTANCE.lockSafe(plain).forEach(change::addAll);
        change.add(new AlterColumn(P, code, Column.of("code", "integer", true), "code::integer"));
        HandWritten.migration(project, "aon", "r1", null, List.of(parent, child, rows));
        HandWritten.migration(project, "aon", "r2", "r1", change);
    }

    /** Rows that refuse one part of r2, and the statement that mends them. */
    enum Refusal {
        NULL("insert into t values (5001, 'n@example.com', 1, null)", "(5001,n@example.com,1,)"),
        DUPLICATE("insert into t values (5001, 'row1@example.com', 1, 1)", "such as row1@example.com"),
        CHECK("insert into t values (5001, 'c@example.com', 1, -5)", "(5001,c@example.com,1,-5)"),
        ORPHAN("insert into t values (5001, 'o@example.com', 999, 1)", "(5001,o@example.com,999,1)"),
        CAST("insert into p values (5001, 'not a number')", "not a number");

        final String breaking;
        /** What the error says of the rows at fault. */
        final String named;

        Refusal(String breaking, String named) {
            this.breaking = breaking;
            this.named = named;
        }

        String mend() {
            return this == CAST ? "delete from p where id = 5001" : "delete from t where id = 5001";
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void rowsThatRefuseAnyPartLeaveTheDatabaseAsItWasAndTheSameCommandFinishesOnceMended(Refusal refusal)
            throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            assertThat(cli.run("upgrade", "r1").exitCode()).isZero();
            db.execute(refusal.breaking);
            List<String> before = Catalog.of(db);

            Cli.Result failed = cli.run("upgrade", "head");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err().strip().lines()).as(failed.toString()).hasSize(1);
            assertThat(failed.err()).contains("the database stays at r1").contains(refusal.named);
            assertThat(Catalog.of(db)).isEqualTo(before);
            assertThat(db.query("select version_num from autogen_version")).containsExactly("r1");
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
            Cli.Result drift = cli.run("drift");
            assertThat(drift.exitCode()).as(drift.toString()).isZero();

            db.execute(refusal.mend());
            Cli.Result done = cli.run("upgrade", "head");
            assertThat(done.exitCode()).as(done.toString()).isZero();
            assertThat(db.query("select version_num from autogen_version")).containsExactly("r2");
            assertThat(Catalog.of(db)).isEqualTo(reference());
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void theSameRefusalsThroughAnOfflineScriptThenAutogenFinishesOnceMended(Refusal refusal) throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            assertThat(cli.run("upgrade", "r1").exitCode()).isZero();
            db.execute(refusal.breaking);
            List<String> before = Catalog.of(db);
            Cli.Result script = cli.run("upgrade", "--sql", "r1:head");
            assertThat(script.exitCode()).as(script.toString()).isZero();

            Cli.Result psql = psql(db, script.out());
            assertThat(psql.exitCode()).as(psql.toString()).isNotZero();
            assertThat(psql.err()).contains(refusal.named);
            if (refusal == Refusal.CAST) {
                // The cast fails after the concurrent builds committed: the history marks how far it got.
                assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                        .containsExactly("1");
            } else {
                assertThat(psql.err())
                        .contains("would fail on 1 row(s)")
                        .contains("nothing of this migration was done");
                assertThat(Catalog.of(db)).isEqualTo(before);
                assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                        .containsExactly("0");
            }
            assertThat(db.query("select version_num from autogen_version")).containsExactly("r1");

            db.execute(refusal.mend());
            if (refusal == Refusal.CAST) {
                Cli.Result again = psql(db, script.out());
                assertThat(again.exitCode()).isNotZero();
                assertThat(again.err()).contains("revision r2 was left part done by an earlier run");
            }
            Cli.Result done = cli.run("upgrade", "head");
            assertThat(done.exitCode()).as(done.toString()).isZero();
            assertThat(Catalog.of(db)).isEqualTo(reference());
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
        }
    }

    /** Runs a script with psql as a DBA would, stopping at the first error. */
    private static Cli.Result psql(TestDatabase db, String script) throws Exception {
        Path file = Files.createTempFile("script", ".sql");
        Path out = Files.createTempFile("psql-out", ".txt");
        Path err = Files.createTempFile("psql-err", ".txt");
        Files.writeString(file, script);
        String url = db.settings().url().substring("jdbc:".length());
        Process process = new ProcessBuilder(
                        "psql",
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-U",
                        db.settings().user(),
                        "-d",
                        url,
                        "-f",
                        file.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The catalog r2 reaches on untouched rows. */
    private static List<String> reference() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            assertThat(Cli.on(project, db).run("upgrade", "head").exitCode()).isZero();
            return Catalog.of(db);
        }
    }

    @Test
    void aRunKilledAtAnyDdlStatementIsCompletedByUpgradeOrUndoneByDowngrade() throws Exception {
        List<String> atHead = reference();
        int statements = ddlStatementsOfR2();
        assertThat(statements).isGreaterThan(10);
        for (int n = 1; n <= statements; n++) {
            try (TestDatabase db = TestDatabase.create()) {
                Cli cli = Cli.on(project, db);
                assertThat(cli.run("upgrade", "r1").exitCode()).isZero();
                List<String> atR1 = Catalog.of(db);
                stopAtDdl(db, n);
                try (var holder = db.connect();
                        var statement = holder.createStatement()) {
                    statement.execute("select pg_advisory_lock(77)");
                    Cli.Running run = cli.start("upgrade", "head");
                    int pid = awaitBlocked(db);
                    Cli.killWithItsChildren(run.process());
                    db.execute("select pg_terminate_backend(" + pid + ")", "update kill_at set n = 0");
                    statement.execute("select pg_advisory_unlock(77)");
                }
                if (n == 1) {
                    Cli.Result current = cli.run("current");
                    assertThat(current.out())
                            .as(current.toString())
                            .contains("revision r2 is interrupted: its upgrade stopped in its first statement (at ")
                            .contains("); 'autogen upgrade' completes it, 'autogen downgrade' undoes it")
                            .contains("r1");
                    Cli.Result drift = cli.run("drift");
                    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
                    assertThat(drift.err())
                            .contains("revision r2 is interrupted")
                            .doesNotContain("by hand");
                }
                boolean forward = n % 2 == 0;
                Cli.Result next = forward ? cli.run("upgrade", "head") : cli.run("downgrade", "r1");
                assertThat(next.exitCode()).as("killed at DDL %d: %s", n, next).isZero();
                dropTrigger(db);
                assertThat(Catalog.of(db))
                        .as("killed at DDL %d, then %s", n, forward ? "upgrade" : "downgrade")
                        .isEqualTo(forward ? atHead : atR1);
                assertThat(db.query("select version_num from autogen_version")).containsExactly(forward ? "r2" : "r1");
                assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                        .containsExactly("0");
            }
        }
    }

    /** How many DDL commands r2 runs, counted by an event trigger on a database that runs it whole. */
    private static int ddlStatementsOfR2() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            assertThat(cli.run("upgrade", "r1").exitCode()).isZero();
            stopAtDdl(db, 0);
            assertThat(cli.run("upgrade", "head").exitCode()).isZero();
            return Integer.parseInt(db.query("select last_value from ddl_seen").get(0));
        }
    }

    /** An event trigger that makes DDL command {@code n} wait for advisory lock 77 (0: never). */
    private static void stopAtDdl(TestDatabase db, int n) {
        db.execute(
                "create sequence ddl_seen",
                "create table kill_at (n integer)",
                "insert into kill_at values (" + n + ")",
                "create function stop_at_ddl() returns event_trigger language plpgsql as $$ begin"
                        + " if nextval('ddl_seen') = (select n from kill_at) then perform pg_advisory_lock(77); end if;"
                        + " end $$",
                "create event trigger stop_at_ddl on ddl_command_start execute function stop_at_ddl()");
    }

    private static void dropTrigger(TestDatabase db) {
        db.execute(
                "drop event trigger stop_at_ddl",
                "drop function stop_at_ddl()",
                "drop table kill_at",
                "drop sequence ddl_seen");
    }

    /** The pid of the migration's session once it waits at the chosen statement. */
    private static int awaitBlocked(TestDatabase db) throws Exception {
        for (int i = 0; i < 1200; i++) {
            List<String> pids = db.query("select l.pid from pg_locks l where l.locktype = 'advisory' and not l.granted"
                    + " and l.objid = 77");
            if (!pids.isEmpty()) {
                return Integer.parseInt(pids.get(0));
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the migration never reached the chosen statement");
    }

    @Test
    void eightProcessesUpgradingAtOnceAllSucceedAndApplyEachMigrationOnce() throws Exception {
        List<String> atHead = reference();
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            List<Cli.Running> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(cli.start("upgrade", "head"));
            }
            for (Cli.Running run : runs) {
                Cli.Result result = run.waitFor(180);
                assertThat(result.exitCode()).as(result.toString()).isZero();
            }
            assertThat(db.query("select revision || ' ' || direction from autogen_version_history order by id"))
                    .containsExactly("r1 upgrade", "r2 upgrade");
            assertThat(Catalog.of(db)).isEqualTo(atHead);
        }
    }
}
