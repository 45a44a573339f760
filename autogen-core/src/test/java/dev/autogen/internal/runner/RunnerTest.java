package dev.autogen.internal.runner;

import static dev.autogen.testing.Models.column;
import static dev.autogen.testing.Models.name;
import static dev.autogen.testing.Models.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.api.RunResult;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.VersionTableSql;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The runner on a real PostgreSQL, over a graph with a branch, a label and a merge:
 * a1 - b2 - c3 < d4 (feature) - e5 > m7 - f8
 *              < d6 --------- e6 >
 */
@Tag("database")
class RunnerTest {

    private static final VersionTableSql TABLES = PostgresDialect.INSTANCE.versionTables("public", "autogen_version");
    private static int clock;

    static Migration migration(List<Operation> upgrade) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                upgrade.forEach(((Recorder) op)::record);
            }
        };
    }

    static RevisionNode node(String id, List<String> revises, List<String> labels, Operation... upgrade) {
        return new RevisionNode(
                new RevisionInfo(
                        id,
                        revises,
                        labels,
                        List.of(),
                        "make " + id,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(clock++)),
                id,
                migration(List.of(upgrade)));
    }

    static CreateTable createTable(String name) {
        return new CreateTable(table(name("public", name))
                .column(column("id", "integer").notNull())
                .primaryKey(name + "_pkey", "id")
                .table());
    }

    private static AddColumn addColumn(String table, String column) {
        return new AddColumn(name("public", table), Column.of(column, "text", true));
    }

    static RevisionGraph graph() {
        return RevisionGraph.of(List.of(
                node("a1", List.of(), List.of(), createTable("t_a")),
                node("b2", List.of("a1"), List.of(), addColumn("t_a", "b")),
                node("c3", List.of("b2"), List.of(), addColumn("t_a", "c")),
                node("d4", List.of("c3"), List.of("feature"), createTable("t_d4")),
                node("e5", List.of("d4"), List.of(), addColumn("t_d4", "e")),
                node("d6", List.of("c3"), List.of(), createTable("t_d6")),
                node("e6", List.of("d6"), List.of(), addColumn("t_d6", "e")),
                node("m7", List.of("e5", "e6"), List.of(), createTable("t_m7")),
                node("f8", List.of("m7"), List.of(), addColumn("t_m7", "f"))));
    }

    private final Runner runner = new Runner(
            graph(), PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, RunListener.NONE);

    @Test
    void movesAlongEveryKindOfTargetKeepingTheVersionRowsAsAlembicDoes() throws SQLException {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            assertThat(runner.current(c)).isEmpty();

            check(c, runner.upgrade(c, "+2"), Set.of("b2"), "t_a");
            check(c, runner.upgrade(c, "feature@head"), Set.of("f8"), "t_a", "t_d4", "t_d6", "t_m7");
            check(c, runner.downgrade(c, "-1"), Set.of("m7"), "t_a", "t_d4", "t_d6", "t_m7");
            check(c, runner.downgrade(c, "e5"), Set.of("e5", "e6"), "t_a", "t_d4", "t_d6");
            check(c, runner.downgrade(c, "d6"), Set.of("d6", "e5"), "t_a", "t_d4", "t_d6");
            check(c, runner.downgrade(c, "c3"), Set.of("c3"), "t_a");
            check(c, runner.upgrade(c, "d6"), Set.of("d6"), "t_a", "t_d6");
            check(c, runner.upgrade(c, "feature"), Set.of("d4", "d6"), "t_a", "t_d4", "t_d6");
            assertThatThrownBy(() -> runner.upgrade(c, "+1")).hasMessageContaining("there are 2 heads: d4, d6");
            check(c, runner.upgrade(c, "e5"), Set.of("d6", "e5"), "t_a", "t_d4", "t_d6");
            check(c, runner.upgrade(c, "heads"), Set.of("f8"), "t_a", "t_d4", "t_d6", "t_m7");
            check(c, runner.downgrade(c, "b2+1"), Set.of("c3"), "t_a");
            check(c, runner.upgrade(c, "m7"), Set.of("m7"), "t_a", "t_d4", "t_d6", "t_m7");
            check(c, runner.downgrade(c, "base"), Set.of(), new String[0]);

            assertThat(history(c))
                    .startsWith("a1 upgrade", "b2 upgrade", "c3 upgrade")
                    .endsWith("a1 downgrade")
                    .hasSize(stepsTaken);
        }
    }

    @Test
    void aFailureInTheThirdStatementLeavesNoTraceAndTheVersionBeforeIt() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(
                node("one", List.of(), List.of(), createTable("kept")),
                node(
                        "two",
                        List.of("one"),
                        List.of(),
                        createTable("first"),
                        createTable("second"),
                        new Execute("select 1/0", null))));
        Runner failing = new Runner(
                graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            assertThatThrownBy(() -> failing.upgrade(c, "head"))
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining(
                            "upgrade of revision two (make two) failed at statement 3 of 3 (select 1/0): ERROR: division by zero")
                    .hasMessageContaining("it was rolled back; the database stays at one")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.MIGRATION_FAILED);

            assertThat(runner.current(c)).containsExactly("one");
            assertThat(tables(c)).containsExactly("kept");
            assertThat(history(c)).containsExactly("one upgrade");
        }
    }

    @Test
    void stampWritesTheVersionTableWithoutRunningAnything() throws SQLException {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            RunResult stamped = runner.stamp(c, "e5");
            assertThat(stamped.after()).containsExactly("e5");
            assertThat(runner.current(c)).containsExactly("e5");
            assertThat(tables(c)).isEmpty();
            assertThat(runner.stamp(c, "c3").after()).containsExactly("c3");
            assertThat(history(c)).contains("e5 stamp", "d4 stamp");
        }
    }

    @Test
    void refusesToRunFromARevisionNoMigrationHasButStampReplacesIt() throws SQLException {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            runner.stamp(c, "b2");
            try (Statement s = c.createStatement()) {
                s.execute("update autogen_version set version_num = 'gone99'");
            }
            assertThatThrownBy(() -> runner.upgrade(c, "head"))
                    .hasMessageContaining("says the database is at revision gone99, which no migration has")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.VERSION_TABLE_INVALID);
            assertThat(runner.stamp(c, "a1").after()).containsExactly("a1");
            assertThat(runner.current(c)).containsExactly("a1");
        }
    }

    @Test
    void runsWhatPostgresRefusesInATransactionOutsideOneAndSaysSo() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(node(
                "idx",
                List.of(),
                List.of(),
                createTable("big"),
                new Execute("create index concurrently big_id on big (id)", "drop index concurrently big_id"))));
        Runner concurrent = new Runner(
                graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            RunResult result = concurrent.upgrade(c, "head");
            assertThat(result.steps().get(0).outsideTransaction())
                    .containsExactly("create index concurrently big_id on big (id)");
            Table big = db.introspect(IntrospectionScope.of("public"))
                    .table(QualifiedName.of("public", "big"))
                    .orElseThrow();
            assertThat(big.indexes())
                    .extracting(dev.autogen.internal.schema.Index::name)
                    .containsExactly("big_id");
            assertThat(concurrent.downgrade(c, "base").steps().get(0).outsideTransaction())
                    .containsExactly("drop index concurrently big_id");
        }
    }

    @Test
    void aLongStatementIsReportedCountingFromItsOwnStartNotTheRuns() throws Exception {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runner watched = new Runner(
                RevisionGraph.of(List.of(node(
                        "r1",
                        List.of(),
                        List.of(),
                        new Execute("select pg_sleep(0.3)", null),
                        new Execute("select pg_sleep(1.0)", null)))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                RunOptions.DEFAULT,
                new RunListener() {
                    @Override
                    public void stillRunning(
                            dev.autogen.api.RevisionInfo revision, String statement, java.time.Duration elapsed) {
                        heard.add(statement + " after " + elapsed.toMillis() / 100 + "00 ms or more");
                    }
                },
                java.time.Duration.ofMillis(500));
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            watched.upgrade(c, "head");
        }
        // The second statement began 0.3 s into the run and ran 1 s: a timer counting from the run's start
        // (0.5 s, then 1.5 s) saw it neither time.
        assertThat(heard).isNotEmpty().allMatch(line -> line.startsWith("select pg_sleep(1.0) after "));
    }

    @Test
    void waitsForTheAdvisoryLockAnotherSessionHoldsSayingWhoHoldsIt() throws Exception {
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        Runner waiting = new Runner(
                graph(), PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, new RunListener() {
                    @Override
                    public void waitingForLock(String holder, java.time.Duration waited) {
                        heard.add(holder);
                    }
                });
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
            java.util.concurrent.CompletableFuture<RunResult> run =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> waiting.upgrade(c, "b2"));
            assertThat(heard.poll(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the runner says who holds the lock")
                    .startsWith("pid " + holderPid + ", application 'autogen', user ");
            assertThat(run).isNotDone();
            // Between its tries the waiting session is idle: no transaction, so no snapshot that a concurrent
            // index build by the holder would wait for.
            assertThat(waitingOnAdvisoryLock(holder)).isFalse();
            try (Statement s = holder.createStatement()) {
                s.execute("select pg_advisory_unlock(hashtext('" + TABLES.lockName() + "'))");
            }
            assertThat(run.get(30, java.util.concurrent.TimeUnit.SECONDS).after())
                    .containsExactly("b2");
        }
    }

    /** Whether, in a second of looking, a session is ever seen blocked inside the database on an advisory lock. */
    private static boolean waitingOnAdvisoryLock(Connection observer) throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Statement s = observer.createStatement();
                    ResultSet rs =
                            s.executeQuery("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                                    + " where l.locktype = 'advisory' and not l.granted and a.application_name = 'autogen'"
                                    + " and a.pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private int stepsTaken;

    private void check(Connection c, RunResult result, Set<String> heads, String... tableNames) throws SQLException {
        stepsTaken += result.steps().size();
        assertThat(result.after()).containsExactlyInAnyOrderElementsOf(heads);
        assertThat(runner.current(c)).containsExactlyInAnyOrderElementsOf(heads);
        assertThat(tables(c)).containsExactlyInAnyOrder(tableNames);
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public' and tablename not like 'autogen_version%' order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static List<String> history(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select revision, direction from autogen_version_history order by id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
