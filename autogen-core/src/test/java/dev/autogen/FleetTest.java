package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetReport;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.Project;
import dev.autogen.api.Settings;
import dev.autogen.api.Target;
import dev.autogen.api.TargetOutcome;
import dev.autogen.api.TargetOutcome.Status;
import dev.autogen.testing.MigrationSources;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of 200 tenant schemas (and of 20 databases): every tenant migrated once, never more connections
 * open than asked, a tenant whose rows refuse a migration left whole at its revision while the others go on
 * or stop, a resume that runs only what was not finished, and two fleet runs at once applying each
 * migration once.
 */
@Tag("database")
class FleetTest {

    private static final int TENANTS = 200;
    private static final int CANARY_FLEET = 40;
    private static final int RACE_FLEET = 80;
    private static final int REFUSE_FLEET = 120;

    private static TestDatabase db;

    @TempDir
    static Path work;

    @BeforeAll
    static void migrations() throws IOException {
        db = TestDatabase.create();
        write("r1", null, """
                op.createTable(table(name("customer"))
                        .column(column("id", "integer").notNull())
                        .column(column("name", "text"))
                        .primaryKey("customer_pkey", "id"));""");
        // The data step's SQL names the table unqualified: it must land in the tenant's own schema.
        write("r2", "r1", """
                op.addColumn(name("customer"), column("email", "text"));
                op.execute("update customer set email = name || '@example.com'", "update customer set email = null");
                op.addUniqueConstraint(name("customer"), unique("customer_name_key", "name"));""");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void noTenants() {
        List<String> statements = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select nspname from pg_namespace where nspname like 'tenant%'" + " or nspname = 'other'")) {
            while (rs.next()) {
                statements.add("drop schema \"" + rs.getString(1) + "\" cascade");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        statements.add("create schema other");
        db.execute(statements);
    }

    /** Tenant schemas {@code tenant_000} to the {@code n}th, empty. */
    private static void tenants(int n) {
        db.execute(IntStream.range(0, n)
                .mapToObj(i -> "create schema " + tenant(i))
                .toList());
    }

    @Test
    void everyTenantSchemaIsMigratedOnceWithNoMoreConnectionsThanAsked() {
        tenants(TENANTS);
        CountingDataSource pool = new CountingDataSource(db.settings());
        Autogen autogen = autogen(ConnectionSettings.of(pool));
        List<Target> targets = autogen.targets(new FleetTargets("tenant_*", null, null));
        assertThat(targets).hasSize(TENANTS);
        assertThat(targets.get(0).name()).isEqualTo(tenant(0));
        pool.peak.set(0);

        FleetReport report = autogen.fleet(targets, new FleetOptions(4, 0, false), FleetListener.NONE)
                .upgrade("head");

        assertThat(report.succeeded()).isTrue();
        assertThat(report.outcomes()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Status.OK);
            assertThat(o.before()).isEmpty();
            assertThat(o.after()).containsExactly("r2");
            assertThat(o.detail()).isEqualTo("2 migrations");
        });
        assertThat(report.peakConnections()).isBetween(2, 4);
        assertThat(pool.peak.get()).as("connections open at once").isBetween(2, 4);
        assertThat(pool.open.get()).as("connections left open").isZero();
        assertThat(db.query("select count(*) from information_schema.tables where table_name = 'customer'"))
                .containsExactly(String.valueOf(TENANTS));
        assertThat(db.query("select count(*) from information_schema.tables where table_schema in ('public', 'other')"))
                .containsExactly("0");

        FleetReport current = autogen.fleet(targets, new FleetOptions(4, 0, false), FleetListener.NONE)
                .current();
        assertThat(current.outcomes())
                .allSatisfy(o -> assertThat(o.after()).containsExactly("r2"))
                .allSatisfy(o -> assertThat(o.detail()).isEqualTo("at head"));
        FleetReport read = FleetReport.fromJson(report.toJson());
        assertThat(read.toJson()).isEqualTo(report.toJson());
        assertThat(read.outcomes()).hasSize(TENANTS);
    }

    @Test
    void aTenantTheRowsRefuseStaysWholeAndTheOthersStopOrGoOn() throws Exception {
        tenants(REFUSE_FLEET);
        Autogen autogen = autogen(db.settings());
        List<Target> targets = autogen.targets(new FleetTargets("tenant_*", null, null));
        assertThat(fleet(autogen, targets, 4, false).upgrade("r1").succeeded()).isTrue();
        String bad = tenant(REFUSE_FLEET / 2);
        db.execute("insert into " + bad + ".customer values (1, 'ada'), (2, 'ada')");

        // Fail-fast: nothing starts after the failure; what ran finished whole.
        FleetReport failFast = fleet(autogen, targets, 4, false).upgrade("head");
        TargetOutcome failed = outcome(failFast, bad);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.error()).contains("customer_name_key");
        assertThat(failed.before()).containsExactly("r1");
        assertThat(failed.after()).containsExactly("r1");
        assertThat(failFast.succeeded()).isFalse();
        assertThat(failFast.count(Status.SKIPPED)).isGreaterThan(0);
        assertThat(columns(bad)).containsExactly("id", "name");
        assertThat(db.query("select count(*) from " + bad + ".autogen_version_history"))
                .containsExactly("1");
        for (TargetOutcome o : failFast.outcomes()) {
            String at = db.query("select version_num from " + o.target() + ".autogen_version")
                    .get(0);
            assertThat(at).isEqualTo(o.status() == Status.OK ? "r2" : "r1");
        }

        // Resume what was not finished, going on past the failure this time.
        List<Target> unfinished = only(targets, failFast.unfinished());
        FleetReport goOn = fleet(autogen, unfinished, 4, true).upgrade("head");
        assertThat(goOn.outcomes()).hasSize(unfinished.size());
        assertThat(goOn.count(Status.FAILED)).isEqualTo(1);
        assertThat(goOn.count(Status.SKIPPED)).isZero();
        assertThat(goOn.unfinished()).containsExactly(bad);

        // Fixed by hand, the one left runs alone.
        db.execute("update " + bad + ".customer set name = 'grace' where id = 2");
        FleetReport last =
                fleet(autogen, only(targets, goOn.unfinished()), 4, false).upgrade("head");
        assertThat(last.outcomes()).extracting(TargetOutcome::target).containsExactly(bad);
        assertThat(last.succeeded()).isTrue();
        assertThat(db.query("select email from " + bad + ".customer order by id"))
                .containsExactly("ada@example.com", "grace@example.com");
        assertThat(db.query("select count(distinct version_num) || ' ' || count(*) from ("
                        + IntStream.range(0, REFUSE_FLEET)
                                .mapToObj(i -> "select version_num from " + tenant(i) + ".autogen_version")
                                .collect(Collectors.joining(" union all "))
                        + ") v"))
                .containsExactly("1 " + REFUSE_FLEET);
    }

    @Test
    void aFailingCanaryStopsTheFleetBeforeAnyOtherTenantStarts() {
        tenants(CANARY_FLEET);
        Autogen autogen = autogen(db.settings());
        List<Target> targets = autogen.targets(new FleetTargets("tenant_*", null, null));
        fleet(autogen, targets, 4, false).upgrade("r1");
        db.execute("insert into " + tenant(1) + ".customer values (1, 'ada'), (2, 'ada')");

        FleetReport report = autogen.fleet(targets, new FleetOptions(4, 3, true), FleetListener.NONE)
                .upgrade("head");

        assertThat(report.outcomes().subList(0, 3))
                .extracting(TargetOutcome::status)
                .containsExactly(Status.OK, Status.FAILED, Status.OK);
        assertThat(report.outcomes().subList(3, CANARY_FLEET))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.SKIPPED));
        assertThat(db.query("select count(*) from information_schema.columns where column_name = 'email'"))
                .containsExactly("2");
    }

    @Test
    void twoFleetRunsAtOnceApplyEachMigrationOnce() throws Exception {
        tenants(RACE_FLEET);
        Autogen first = autogen(db.settings());
        Autogen second = autogen(db.settings());
        List<Target> targets = first.targets(new FleetTargets("tenant_*", null, null));

        CompletableFuture<FleetReport> a = CompletableFuture.supplyAsync(
                () -> fleet(first, targets, 3, false).upgrade("head"));
        CompletableFuture<FleetReport> b = CompletableFuture.supplyAsync(
                () -> fleet(second, reversed(targets), 3, false).upgrade("head"));

        assertThat(a.get().succeeded()).isTrue();
        assertThat(b.get().succeeded()).isTrue();
        Map<String, Integer> applied = new java.util.HashMap<>();
        for (FleetReport report : List.of(a.get(), b.get())) {
            for (TargetOutcome o : report.outcomes()) {
                int steps = o.detail().equals("nothing to do")
                        ? 0
                        : Integer.parseInt(o.detail().split(" ")[0]);
                applied.merge(o.target(), steps, Integer::sum);
            }
        }
        assertThat(applied.values()).containsOnly(2);
        assertThat(db.query("select count(*) from ("
                        + IntStream.range(0, RACE_FLEET)
                                .mapToObj(i -> "select revision from " + tenant(i) + ".autogen_version_history")
                                .collect(Collectors.joining(" union all "))
                        + ") h"))
                .containsExactly(String.valueOf(2 * RACE_FLEET));
    }

    @Test
    void twentyDatabasesListedInAFileOrByAQueryAreEachMigrated() throws IOException {
        List<String> urls = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = db.name() + "_tenant_" + i;
            statements.add("drop database if exists " + name);
            statements.add("create database " + name);
            urls.add(db.settings().url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Path file = work.resolve("tenants.txt");
        List<String> lines = new ArrayList<>(List.of("# one database a tenant", ""));
        for (int i = 0; i < 10; i++) {
            lines.add("shop" + i + "  " + urls.get(i));
        }
        Files.write(file, lines);
        db.execute(
                "drop table if exists public.tenant_directory",
                "create table public.tenant_directory (name text, url text)");
        for (int i = 10; i < 20; i++) {
            db.execute("insert into public.tenant_directory values ('shop" + i + "', " + literal(urls.get(i)) + ")");
        }
        Autogen autogen = autogen(db.settings());
        List<Target> targets = autogen.targets(
                new FleetTargets(null, file, "select name, url from public.tenant_directory order by name"));
        assertThat(targets)
                .extracting(Target::name)
                .hasSize(20)
                .doesNotHaveDuplicates()
                .startsWith("shop0");

        FleetReport report = fleet(autogen, targets, 4, false).upgrade("head");

        assertThat(report.succeeded()).isTrue();
        assertThat(report.peakConnections()).isBetween(1, 4);
        for (String url : urls) {
            try (Connection c = java.sql.DriverManager.getConnection(
                            url, db.settings().user(), db.settings().password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select version_num from public.autogen_version")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("r2");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        db.execute("drop table public.tenant_directory");
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                s.execute("drop database " + db.name() + "_tenant_" + i);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Target> reversed(List<Target> targets) {
        List<Target> reversed = new ArrayList<>(targets);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Fleet fleet(Autogen autogen, List<Target> targets, int parallel, boolean goOn) {
        return autogen.fleet(targets, new FleetOptions(parallel, 0, goOn), FleetListener.NONE);
    }

    private static List<Target> only(List<Target> targets, Set<String> names) {
        return targets.stream().filter(t -> names.contains(t.name())).toList();
    }

    private static TargetOutcome outcome(FleetReport report, String target) {
        return report.outcomes().stream()
                .filter(o -> o.target().equals(target))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> columns(String schema) {
        return db.query("select column_name from information_schema.columns where table_schema = '" + schema
                + "' and table_name = 'customer' order by ordinal_position");
    }

    private static String tenant(int i) {
        return "tenant_%03d".formatted(i);
    }

    private static Autogen autogen(ConnectionSettings database) {
        return Autogen.forProject(
                Settings.of(database), new Project(work.resolve("migrations"), "fleet", work.resolve("cache"), null));
    }

    /** Real connections to the test database, counted: how many are open, and the most open at once. */
    private static final class CountingDataSource implements javax.sql.DataSource {

        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        private final ConnectionSettings database;

        CountingDataSource(ConnectionSettings database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection real =
                    java.sql.DriverManager.getConnection(database.url(), database.user(), database.password());
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws java.sql.SQLException {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static void write(String id, String revises, String body) {
        MigrationSources.write(work.resolve("migrations"), "fleet", id, revises, body);
    }
}
