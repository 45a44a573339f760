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
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.ValidateConstraint;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.testing.Catalog;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lock-safe forms against a real PostgreSQL, each on a table that has rows: the schema reached is the
 * plain form's; another session writes to the table while the long part of the step waits or works; a
 * failure in the middle leaves the database consistent, says what happened, and the same command finishes
 * the job once the data is fixed.
 */
@Tag("database")
class LockSafeFormsTest {

    private static final QualifiedName T = name("public", "t");
    private static final QualifiedName P = name("public", "p");
    private static final Column QTY = Column.of("qty", "integer", true);

    /** The dialect at the test server's version: the forms chosen are that version's (NOT NULL from 18). */
    private static Dialect onServer;

    @BeforeAll
    static void askTheServer() throws SQLException {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            onServer = PostgresDialect.INSTANCE.atServerVersion(PostgresDialect.INSTANCE.serverVersion(c));
        }
    }

    /** One change to an existing table, written plainly. */
    enum Form {
        INDEX(new CreateIndex(T, new Index("ix_t_email", false, List.of(IndexKey.column("email")), "btree", null))),
        UNIQUE(new AddUniqueConstraint(T, new UniqueConstraint("uk_t_email", List.of("email")))),
        FOREIGN_KEY(new AddForeignKey(T, ForeignKey.of("fk_t_parent", List.of("parent_id"), P, List.of("id")))),
        CHECK(new AddCheckConstraint(T, new CheckConstraint("ck_t_qty", "qty >= 0"))),
        NOT_NULL(new AlterColumn(T, QTY, QTY.withNullable(false)));

        final Operation plain;

        Form(Operation plain) {
            this.plain = plain;
        }

        List<Operation> lockSafe() {
            return onServer.lockSafe(List.of(plain)).get(0);
        }

        /** Rows that the change cannot take, and the statement that mends them. */
        String breaking() {
            return switch (this) {
                case INDEX -> null;
                case UNIQUE -> "insert into t values (1001, 'row1@example.com', 1, 1)";
                case FOREIGN_KEY -> "insert into t values (1001, 'x@example.com', 999, 1)";
                case CHECK -> "insert into t values (1001, 'x@example.com', 1, -5)";
                case NOT_NULL -> "insert into t values (1001, 'x@example.com', 1, null)";
            };
        }
    }

    private static RevisionGraph graph(List<Operation> change) {
        Operation parent =
                new CreateTable(table(P).column(column("id", "integer").notNull())
                        .primaryKey("p_pkey", "id")
                        .table());
        Operation child =
                new CreateTable(table(T).column(column("id", "integer").notNull())
                        .column(column("email", "text"))
                        .column(column("parent_id", "integer"))
                        .column(column("qty", "integer"))
                        .primaryKey("t_pkey", "id")
                        .table());
        Operation rows = new Execute(
                "insert into p select g from generate_series(1, 10) g;"
                        + " insert into t select g, 'row' || g || '@example.com', 1 + g % 10, g from generate_series(1, 1000) g",
                null);
        return RevisionGraph.of(List.of(
                RunnerTest.node("r1", List.of(), List.of(), parent, child, rows),
                RunnerTest.node("r2", List.of("r1"), List.of(), change.toArray(Operation[]::new))));
    }

    private static Runner runner(RevisionGraph graph, RunOptions options, RunListener listener) {
        return new Runner(graph, onServer, "public", "autogen_version", options, listener);
    }

    /** No lock timeout: the tests below hold locks on purpose, and the run waits for them. */
    private static Runner patient(RevisionGraph graph) {
        return runner(graph, new RunOptions(Duration.ofMinutes(1), Duration.ZERO), RunListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void eachFormReachesThePlainFormsSchemaBothWays(Form form) throws SQLException {
        try (TestDatabase plain = TestDatabase.create();
                TestDatabase safe = TestDatabase.create();
                Connection p = plain.connect();
                Connection s = safe.connect()) {
            patient(graph(List.of(form.plain))).upgrade(p, "head");
            assertRanAlone(patient(graph(form.lockSafe())).upgrade(s, "head"));
            assertThat(Catalog.of(safe)).isEqualTo(Catalog.of(plain)).anyMatch(line -> line.contains(nameOf(form)));

            patient(graph(List.of(form.plain))).downgrade(p, "r1");
            patient(graph(form.lockSafe())).downgrade(s, "r1");
            assertThat(Catalog.of(safe)).isEqualTo(Catalog.of(plain)).noneMatch(line -> line.contains(nameOf(form)));
        }
    }

    private static String nameOf(Form form) {
        return switch (form) {
            case INDEX -> "ix_t_email";
            case UNIQUE -> "uk_t_email";
            case FOREIGN_KEY -> "fk_t_parent";
            case CHECK -> "ck_t_qty";
            case NOT_NULL -> "qty integer not null";
        };
    }

    /** The change's long part ran on its own, outside the migration's transaction. */
    private static void assertRanAlone(dev.autogen.api.RunResult result) {
        assertThat(result.steps()).hasSize(2);
        assertThat(result.steps().get(1).outsideTransaction())
                .isNotEmpty()
                .allMatch(sql -> sql.contains("concurrently") || sql.contains("validate constraint"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Form.class,
            names = {"INDEX", "UNIQUE"})
    void writesGoOnWhileTheIndexWaitsToBeBuilt(Form form) throws Exception {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect();
                Connection holder = db.connect();
                Connection writer = db.connect();
                Connection observer = db.connect()) {
            Runner runner = patient(graph(form.lockSafe()));
            runner.upgrade(c, "r1");
            // Another maintenance job holds the lock a concurrent build needs; it lets writes through.
            begin(holder, "lock table t in share update exclusive mode");
            CompletableFuture<?> run = CompletableFuture.runAsync(() -> runner.upgrade(c, "head"));
            awaitWaiting(observer, "%index concurrently%");

            assertThat(write(writer, 2001)).isTrue();
            assertThat(waiting(observer, "%index concurrently%")).isTrue();

            holder.commit();
            run.get(60, TimeUnit.SECONDS);
            assertThat(db.query("select count(*) from t where id = 2001")).containsExactly("1");
        }
    }

    @Test
    void aPlainIndexBuildWaitingTheSameWayBlocksWrites() throws Exception {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect();
                Connection holder = db.connect();
                Connection writer = db.connect();
                Connection observer = db.connect()) {
            Runner runner = patient(graph(List.of(Form.INDEX.plain)));
            runner.upgrade(c, "r1");
            begin(holder, "lock table t in share update exclusive mode");
            CompletableFuture<?> run = CompletableFuture.runAsync(() -> runner.upgrade(c, "head"));
            awaitWaiting(observer, "create index%");

            assertThat(write(writer, 2001)).isFalse();

            holder.commit();
            run.get(60, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Form.class,
            names = {"FOREIGN_KEY", "CHECK", "NOT_NULL"})
    void writesGoOnWhileTheConstraintWaitsToBeValidated(Form form) throws Exception {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect();
                Connection reader = db.connect();
                Connection holder = db.connect();
                Connection writer = db.connect();
                Connection observer = db.connect()) {
            Runner runner = patient(graph(form.lockSafe()));
            runner.upgrade(c, "r1");
            // A writer's open transaction makes the moment's lock of "add ... not valid" wait; a job asking for
            // a lock that lets writes through queues behind it, and so gets the table before the validation does.
            begin(reader, "update t set qty = qty where id = 1");
            CompletableFuture<?> run = CompletableFuture.runAsync(() -> runner.upgrade(c, "head"));
            awaitWaiting(observer, "%add constraint%not valid%");
            CompletableFuture<?> job = CompletableFuture.runAsync(() -> {
                try {
                    begin(holder, "lock table t in share update exclusive mode");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaiting(observer, "lock table t%");
            reader.commit();
            job.get(30, TimeUnit.SECONDS);
            awaitWaiting(observer, "%validate constraint%");

            assertThat(write(writer, 2001)).isTrue();
            assertThat(waiting(observer, "%validate constraint%")).isTrue();

            holder.commit();
            run.get(60, TimeUnit.SECONDS);
            assertThat(runner.current(c)).containsExactly("r2");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Form.class,
            names = {"UNIQUE", "FOREIGN_KEY", "CHECK", "NOT_NULL"})
    void rowsThatRefuseTheChangeStopItBeforeAnythingCommitsAndTheSameCommandFinishesOnceFixed(Form form)
            throws SQLException {
        try (TestDatabase safe = TestDatabase.create();
                TestDatabase plain = TestDatabase.create();
                Connection c = safe.connect();
                Connection p = plain.connect()) {
            Runner runner = patient(graph(form.lockSafe()));
            runner.upgrade(c, "r1");
            safe.execute(form.breaking());

            List<String> before = Catalog.of(safe);
            assertThatThrownBy(() -> runner.upgrade(c, "head"))
                    .hasMessageContaining("upgrade of revision r2 (make r2) refused by the rows: statement ")
                    .hasMessageContaining("would fail on 1 row, such as ")
                    .hasMessageContaining(form == Form.UNIQUE ? "row1@example.com" : "(1001,")
                    .hasMessageContaining("nothing of it was done; the database stays at r1")
                    .satisfies(e -> assertThat(((AutogenException) e).code()).isEqualTo(ErrorCode.MIGRATION_FAILED));
            assertThat(runner.current(c)).containsExactly("r1");
            assertThat(Catalog.of(safe)).isEqualTo(before);
            assertThat(safe.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
            // No invalid index is left to slow writes down or to refuse them.
            assertThat(safe.query("select count(*) from pg_index where not indisvalid"))
                    .containsExactly("0");
            if (form == Form.UNIQUE) {
                assertThat(safe.query("select count(*) from pg_indexes where indexname = 'uk_t_email'"))
                        .containsExactly("0");
            }

            safe.execute("delete from t where id = 1001");
            assertThat(runner.upgrade(c, "head").after()).containsExactly("r2");

            patient(graph(List.of(form.plain))).upgrade(p, "head");
            assertThat(Catalog.of(safe)).isEqualTo(Catalog.of(plain));
            assertThat(safe.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
        }
    }

    @Test
    void aDuplicateWrittenAfterTheProofFailsTheBuildAndThePartThatCommittedIsUndone() throws Exception {
        List<Operation> lockSafe = PostgresDialect.INSTANCE
                .lockSafe(List.of(
                        Form.UNIQUE.plain,
                        new AddCheckConstraint(T, new CheckConstraint("ck_t_qty", "qty >= 0")),
                        new CreateIndex(
                                T,
                                new Index("ix_t_parent", false, List.of(IndexKey.column("parent_id")), "btree", null))))
                .stream()
                .flatMap(List::stream)
                .toList();
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect();
                Connection holder = db.connect();
                Connection writer = db.connect();
                Connection observer = db.connect()) {
            Runner runner = patient(graph(lockSafe));
            runner.upgrade(c, "r1");
            List<String> before = Catalog.of(db);
            begin(holder, "lock table t in share update exclusive mode");
            CompletableFuture<?> run = CompletableFuture.runAsync(() -> runner.upgrade(c, "head"));
            awaitWaiting(observer, "%unique index concurrently%");
            // The proof passed; a duplicate arrives while the build waits, and the build refuses it.
            assertThat(write(writer, 2001)).isTrue();
            try (Statement statement = writer.createStatement()) {
                statement.execute("update t set email = 'row1@example.com' where id = 2001");
            }
            holder.commit();
            assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS))
                    .cause()
                    .hasMessageContaining("could not create unique index")
                    .hasMessageContaining("which had committed on their own, were undone; the database stays at r1");
            assertThat(runner.current(c)).containsExactly("r1");
            assertThat(Catalog.of(db)).isEqualTo(before);
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");

            db.execute("delete from t where id = 2001");
            assertThat(runner.upgrade(c, "head").after()).containsExactly("r2");
        }
    }

    @Test
    void eightRunsStartingTogetherOverEveryFormAllSucceedAndApplyEachMigrationOnce() throws Exception {
        List<Operation> every = new java.util.ArrayList<>();
        for (Form form : Form.values()) {
            every.addAll(form.lockSafe());
        }
        try (TestDatabase db = TestDatabase.create()) {
            RevisionGraph graph = graph(every);
            List<CompletableFuture<dev.autogen.api.RunResult>> runs = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                runs.add(CompletableFuture.supplyAsync(
                        () -> {
                            try (Connection c = db.connect()) {
                                start.await();
                                return patient(graph).upgrade(c, "head");
                            } catch (SQLException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            start.countDown();
            int applied = 0;
            for (CompletableFuture<dev.autogen.api.RunResult> run : runs) {
                dev.autogen.api.RunResult result = run.get(120, TimeUnit.SECONDS);
                assertThat(result.after()).containsExactly("r2");
                applied += result.steps().size();
            }
            assertThat(applied).isEqualTo(2);
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'upgrade'"))
                    .containsExactly("2");
            assertThat(db.query("select count(*) from pg_index where not indisvalid"))
                    .containsExactly("0");
        }
    }

    @Test
    void aStepStoppedByTheLockTimeoutIsTriedAgainFromWhereItStopped() throws Exception {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect();
                Connection reader = db.connect()) {
            AtomicInteger retries = new AtomicInteger();
            RunListener releaseOnRetry = new RunListener() {
                @Override
                public void retrying(RevisionInfo revision, String why, Duration pause, int attempt) {
                    assertThat(why).contains("lock timeout");
                    retries.incrementAndGet();
                    try {
                        reader.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            RevisionGraph graph = graph(Form.CHECK.lockSafe());
            Runner runner =
                    runner(graph, new RunOptions(Duration.ofMinutes(1), Duration.ofMillis(200)), releaseOnRetry);
            runner.upgrade(c, "r1");
            begin(reader, "update t set qty = qty where id = 1");

            assertThat(runner.upgrade(c, "head").after()).containsExactly("r2");
            assertThat(retries).hasValue(1);
            assertThat(db.query("select convalidated::text from pg_constraint where conname = 'ck_t_qty'"))
                    .containsExactly("true");
        }
    }

    @Test
    void withNoRetriesLeftTheLockTimeoutIsReportedAndNothingIsHalfDone() throws Exception {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect();
                Connection reader = db.connect()) {
            Runner runner = runner(
                    graph(Form.FOREIGN_KEY.lockSafe()),
                    new RunOptions(Duration.ofMinutes(1), Duration.ofMillis(100), 0, Duration.ZERO),
                    RunListener.NONE);
            runner.upgrade(c, "r1");
            begin(reader, "update t set qty = qty where id = 1");

            assertThatThrownBy(() -> runner.upgrade(c, "head"))
                    .satisfies(e -> assertThat(((AutogenException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT))
                    .hasMessageContaining("it was rolled back; the database stays at r1");
            reader.commit();
            assertThat(db.query("select count(*) from pg_constraint where conname = 'fk_t_parent'"))
                    .containsExactly("0");
            assertThat(runner.upgrade(c, "head").after()).containsExactly("r2");
        }
    }

    @Test
    void theIdempotentScriptRunsTheFormsInsideItsTransaction() {
        RevisionGraph graph = graph(Form.UNIQUE.lockSafe());
        String script = new OfflineScript(
                        graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT)
                .idempotentUpgrade("head");
        assertThat(script).doesNotContain("concurrently").contains("unique (email)");
        String plainScript = new OfflineScript(
                        graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT)
                .upgrade("r1:head");
        assertThat(plainScript).contains("create unique index concurrently uk_t_email");
    }

    @Test
    void validationsFollowTheirAdditionsAndNothingIsValidatedOnTheWayDown() {
        List<Operation> forms =
                PostgresDialect.INSTANCE.lockSafe(List.of(Form.NOT_NULL.plain)).get(0);
        assertThat(forms).hasSize(4);
        assertThat(forms.get(1)).isInstanceOf(ValidateConstraint.class);
        assertThat(PostgresDialect.INSTANCE.render(forms.get(1).reverse())).isEmpty();
    }

    @Test
    void fromEighteenNotNullIsAddedNotValidAsTheConstraintPostgresqlWouldNameAndValidated() {
        Dialect eighteen = PostgresDialect.INSTANCE.atServerVersion("18");
        List<Operation> forms = eighteen.lockSafe(List.of(Form.NOT_NULL.plain)).get(0);
        assertThat(forms).hasSize(2);
        assertThat(eighteen.render(forms.get(0)))
                .containsExactly("alter table public.t add constraint t_qty_not_null not null qty not valid");
        assertThat(eighteen.render(forms.get(1)))
                .containsExactly("alter table public.t validate constraint t_qty_not_null");
        assertThat(eighteen.render(forms.get(0).reverse()))
                .containsExactly("alter table public.t alter column qty drop not null");
        assertThat(PostgresDialect.INSTANCE
                        .atServerVersion("17")
                        .lockSafe(List.of(Form.NOT_NULL.plain))
                        .get(0))
                .as("before 18, through a check")
                .hasSize(4);
    }

    // ---------------------------------------------------------------- sessions

    private static void begin(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Whether a row goes in within a second: a write queued behind a lock does not. */
    private static boolean write(Connection writer, int id) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("set lock_timeout = '1s'");
            statement.execute("insert into t values (" + id + ", 'w" + id + "@example.com', null, 1)");
            return true;
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void awaitWaiting(Connection observer, String query) throws Exception {
        for (int i = 0; i < 400; i++) {
            if (waiting(observer, query)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no session came to wait on a lock running " + query);
    }

    private static boolean waiting(Connection observer, String query) throws SQLException {
        try (Statement statement = observer.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type ="
                        + " 'Lock' and datname = current_database() and query ilike '" + query + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
