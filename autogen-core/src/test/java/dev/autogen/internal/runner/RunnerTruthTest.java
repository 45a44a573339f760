package dev.autogen.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.api.StepResult;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The runner tells the truth: which statement failed, what stayed done, what it is doing, and scripts that check where they run. */
@Tag("database")
class RunnerTruthTest {

    @Test
    void aFailingStatementInABatchIsNamedWithItsTextAndWhatItWasFor() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(RunnerTest.node(
                "r1",
                List.of(),
                List.of(),
                RunnerTest.createTable("a"),
                new Execute("insert into a (id) values (1)", null),
                new Execute("insert into a (id) values (1)", null),
                RunnerTest.createTable("b"))));
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            assertThatThrownBy(() -> runner(graph, RunListener.NONE).upgrade(c, "head"))
                    .hasMessageContaining(
                            "failed at statement 3 of 4 (insert into a (id) values (1)): ERROR: duplicate key value")
                    .hasMessageContaining("(it was rolled back; the database stays at base)");
            assertThat(TypeChangeTest.rows(c, "select count(*)::text from pg_tables where tablename in ('a', 'b')"))
                    .containsExactly("0");
        }
    }

    @Test
    void aFailureAfterAPartOutsideTheTransactionUndoesThatPart() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(
                RunnerTest.node("r1", List.of(), List.of(), RunnerTest.createTable("t")),
                RunnerTest.node(
                        "r2",
                        List.of("r1"),
                        List.of(),
                        new Execute("create index concurrently ix_t on t (id)", "drop index concurrently ix_t"),
                        new Execute("select 1/0", null))));
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            assertThatThrownBy(() -> runner(graph, RunListener.NONE).upgrade(c, "head"))
                    .hasMessageContaining("failed at statement 2 of 2 (select 1/0): ERROR: division by zero")
                    .hasMessageContaining(
                            "statements 1-1, which had committed on their own, were undone; the database stays at r1")
                    .hasMessageNotContaining("interrupted");
            assertThat(TypeChangeTest.rows(c, "select indexname from pg_indexes where indexname = 'ix_t'"))
                    .isEmpty();
            assertThat(TypeChangeTest.rows(
                            c, "select count(*)::text from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
        }
    }

    @Test
    void aMigrationThatCommitsItselfIsRefusedBeforeAnythingRuns() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(RunnerTest.node(
                "r1",
                List.of(),
                List.of(),
                RunnerTest.createTable("t"),
                new Execute("update t set id = 1; COMMIT", null))));
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            assertThatThrownBy(() -> runner(graph, RunListener.NONE).upgrade(c, "head"))
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining(
                            "runs 'update t set id = 1; COMMIT': a migration's transaction is autogen's to begin and end")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.MIGRATION_INVALID);
            assertThat(TypeChangeTest.rows(c, "select count(*)::text from pg_tables where tablename = 't'"))
                    .containsExactly("0");
        }
    }

    @Test
    void eachMigrationIsToldAsItStartsAndEndsAndALongStatementWhileItRuns() throws SQLException {
        List<String> events = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void started(RevisionInfo revision, Direction direction, int statements) {
                events.add("started " + revision.id() + " " + direction.word() + " " + statements);
            }

            @Override
            public void finished(StepResult step) {
                events.add("finished " + step.revision());
            }

            @Override
            public void stillRunning(RevisionInfo revision, String statement, Duration elapsed) {
                events.add("still running " + revision.id() + " " + statement);
            }
        };
        RevisionGraph graph = RevisionGraph.of(List.of(
                RunnerTest.node("r1", List.of(), List.of(), RunnerTest.createTable("t")),
                RunnerTest.node("r2", List.of("r1"), List.of(), new Execute("select pg_sleep(1.5)", null))));
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            new Runner(
                            graph,
                            PostgresDialect.INSTANCE,
                            "public",
                            "autogen_version",
                            RunOptions.DEFAULT,
                            listener,
                            Duration.ofMillis(400))
                    .upgrade(c, "head");
        }
        assertThat(events)
                .startsWith(
                        "started r1 upgrade 1",
                        "finished r1",
                        "started r2 upgrade 1",
                        "still running r2 select pg_sleep(1.5)");
        assertThat(events).last().isEqualTo("finished r2");
    }

    @Test
    void anOfflineScriptRunsWhereItWasWrittenForAndOnlyOnce() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(
                RunnerTest.node("r1", List.of(), List.of(), RunnerTest.createTable("t1")),
                RunnerTest.node("r2", List.of("r1"), List.of(), RunnerTest.createTable("t2"))));
        OfflineScript offline =
                new OfflineScript(graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT);
        String script = offline.upgrade("r1:head");
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            assertThatThrownBy(() -> psql(c, script))
                    .as("a database at base, not at r1")
                    .hasMessageContaining(
                            "autogen: upgrade of revision r2 expects public.autogen_version at r1; the database is"
                                    + " elsewhere, or this script ran already");
            assertThat(TypeChangeTest.rows(c, "select count(*)::text from pg_tables where tablename like 't_'"))
                    .containsExactly("0");

            runner(graph, RunListener.NONE).upgrade(c, "r1");
            psql(c, script);
            assertThat(TypeChangeTest.rows(c, "select version_num from autogen_version"))
                    .containsExactly("r2");
            assertThatThrownBy(() -> psql(c, script))
                    .as("the same script again")
                    .hasMessageContaining("this script ran already");
            assertThat(TypeChangeTest.rows(
                            c, "select count(*)::text from autogen_version_history where revision = 'r2'"))
                    .containsExactly("1");
        }
    }

    @Test
    void anIdempotentScriptBringsADatabaseAnywhereOnItsWayToItsEnd() throws SQLException {
        RevisionGraph graph = RevisionGraph.of(List.of(
                RunnerTest.node("r1", List.of(), List.of(), RunnerTest.createTable("t1")),
                RunnerTest.node(
                        "r2",
                        List.of("r1"),
                        List.of(),
                        RunnerTest.createTable("t2"),
                        new Execute("insert into t2 (id) select 1 where 'it''s' <> $$x$$", "delete from t2")),
                RunnerTest.node("r3", List.of("r2"), List.of(), RunnerTest.createTable("t3"))));
        String script = new OfflineScript(
                        graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT)
                .idempotentUpgrade("head");
        for (String start : List.of("base", "r1", "r2", "r3")) {
            try (TestDatabase db = TestDatabase.create();
                    Connection c = db.connect()) {
                if (!start.equals("base")) {
                    runner(graph, RunListener.NONE).upgrade(c, start);
                }
                psql(c, script);
                psql(c, script);
                assertThat(TypeChangeTest.rows(c, "select version_num from autogen_version"))
                        .as("from %s", start)
                        .containsExactly("r3");
                assertThat(TypeChangeTest.rows(c, "select count(*)::text from t2"))
                        .containsExactly("1");
                assertThat(
                                TypeChangeTest.rows(
                                        c,
                                        "select revision || ' ' || count(*) from autogen_version_history group by revision order by 1"))
                        .containsExactly("r1 1", "r2 1", "r3 1");
            }
        }
    }

    /** What psql does with the script under ON_ERROR_STOP: runs it statement by statement and stops at the first error. */
    private static void psql(Connection c, String script) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(script.replaceAll("(?m)^\\\\.*$", ""));
        } finally {
            try (Statement reset = c.createStatement()) {
                reset.execute("rollback");
                reset.execute("select pg_advisory_unlock_all()");
            }
        }
    }

    private static Runner runner(RevisionGraph graph, RunListener listener) {
        return new Runner(graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, listener);
    }
}
