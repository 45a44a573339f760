package dev.autogen.bench;

import dev.autogen.api.Direction;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.api.StepResult;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.runner.Runner;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upgrade under traffic: a table of a million rows, two sessions inserting, updating and selecting
 * single rows in a bounded loop throughout, and an upgrade that adds an index, a unique key, a foreign
 * key, a NOT NULL and a check (one revision), then changes a column's type (the next). Measured: the
 * longest any one traffic statement took while each revision ran (its stall), and the upgrade's time;
 * plain forms with no lock timeout (what autogen wrote before) against the lock-safe forms with a lock
 * timeout, each alone and with a long reader holding the table as the upgrade starts.
 */
public final class TrafficBench {

    private static final QualifiedName ITEM = new QualifiedName("public", "item");
    private static final QualifiedName OWNER = new QualifiedName("public", "owner");
    private static final Column QTY = Column.of("qty", "integer", true);
    private static final Duration PACE = Duration.ofMillis(2);

    private final EmbeddedPostgres server;
    private final int rows;
    private final Duration reader;
    private final Duration lockTimeout;

    private TrafficBench(EmbeddedPostgres server, int rows, Duration reader, Duration lockTimeout) {
        this.server = server;
        this.rows = rows;
        this.reader = reader;
        this.lockTimeout = lockTimeout;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        Duration reader = Duration.ofSeconds(Long.parseLong(options.getOrDefault("reader-seconds", "8")));
        Duration lockTimeout = Duration.ofMillis(Long.parseLong(options.getOrDefault("lock-timeout-ms", "1000")));
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            TrafficBench bench = new TrafficBench(server, rows, reader, lockTimeout);
            bench.load();
            List<Result> results = new ArrayList<>();
            int n = 0;
            for (boolean withReader : new boolean[] {false, true}) {
                for (boolean safe : new boolean[] {false, true}) {
                    results.add(bench.scenario("bench_" + n++, safe, withReader));
                    System.out.println(results.get(results.size() - 1));
                }
            }
            bench.report(results);
        }
    }

    /** One template database with the rows, copied for each scenario. */
    private void load() throws SQLException {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create database bench_template");
        }
        try (Connection c = connect("bench_template");
                Statement s = c.createStatement()) {
            s.execute("create table owner (id bigint primary key)");
            s.execute("insert into owner select g from generate_series(1, 1000) g");
            s.execute("create table item (id bigint primary key, email text, code text, owner_id bigint, qty integer,"
                    + " price integer)");
            s.execute("insert into item select g, 'user' || g || '@example.com', 'c' || g, 1 + g % 1000, g % 100,"
                    + " g % 500 from generate_series(1, " + rows + ") g");
            s.execute("vacuum analyze");
        }
    }

    record Phase(String revision, long startNanos, long endNanos) {}

    record Result(
            boolean safe,
            boolean withReader,
            long baselineMaxMillis,
            Map<String, Long> stallMillis,
            long upgradeMillis,
            int retries,
            String outcome) {

        @Override
        public String toString() {
            return (safe ? "lock-safe" : "plain") + (withReader ? " + reader" : "") + ": " + stallMillis
                    + " upgrade " + upgradeMillis + " ms, " + retries + " retries, " + outcome;
        }
    }

    private Result scenario(String database, boolean safe, boolean withReader) throws Exception {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create database " + database + " template bench_template");
        }
        Traffic traffic = new Traffic(database);
        traffic.start();
        Thread.sleep(1000);
        long baseline = traffic.maxLatencyNanos(0, System.nanoTime());
        Thread holder = null;
        if (withReader) {
            holder = new Thread(() -> holdTable(database));
            holder.start();
            Thread.sleep(200);
        }
        List<Phase> phases = new ArrayList<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        AtomicLong retries = new AtomicLong();
        RunListener listener = new RunListener() {
            @Override
            public void started(RevisionInfo revision, Direction direction, int statements) {
                started.put(revision.id(), System.nanoTime());
            }

            @Override
            public void finished(StepResult step) {
                phases.add(new Phase(step.revision(), started.get(step.revision()), System.nanoTime()));
            }

            @Override
            public void retrying(RevisionInfo revision, String why, Duration pause, int attempt) {
                retries.incrementAndGet();
            }
        };
        RunOptions options = safe
                ? new RunOptions(Duration.ofMinutes(5), lockTimeout, 6, Duration.ZERO)
                : new RunOptions(Duration.ofMinutes(5), Duration.ZERO, 0, Duration.ZERO);
        Runner runner = new Runner(graph(safe), PostgresDialect.INSTANCE, "public", "autogen_version", options, listener);
        long begin = System.nanoTime();
        String outcome = "applied";
        try (Connection c = connect(database)) {
            runner.upgrade(c, "head");
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
        }
        long upgradeNanos = System.nanoTime() - begin;
        Thread.sleep(500);
        traffic.stop();
        if (holder != null) {
            holder.join();
        }
        Map<String, Long> stalls = new java.util.LinkedHashMap<>();
        for (Phase phase : phases) {
            stalls.put(phase.revision(), traffic.maxLatencyNanos(phase.startNanos(), phase.endNanos()) / 1_000_000);
        }
        stalls.put("whole upgrade", traffic.maxLatencyNanos(begin, begin + upgradeNanos) / 1_000_000);
        return new Result(
                safe, withReader, baseline / 1_000_000, stalls, upgradeNanos / 1_000_000, (int) retries.get(), outcome);
    }

    /** A report query that holds the table (ACCESS SHARE) for as long as the reader runs. */
    private void holdTable(String database) {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select count(*) from item");
            Thread.sleep(reader.toMillis());
            c.commit();
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** r2: check, NOT NULL, foreign key, unique key and index; r3: the type change. */
    private static RevisionGraph graph(boolean safe) {
        // The steps that need a moment's strong lock first, so that the long reader meets them.
        List<Operation> r2 = List.of(
                new AddCheckConstraint(ITEM, new CheckConstraint("ck_item_price", "price >= 0")),
                new AlterColumn(ITEM, QTY, QTY.withNullable(false)),
                new AddForeignKey(ITEM, ForeignKey.of("fk_item_owner", List.of("owner_id"), OWNER, List.of("id"))),
                new AddUniqueConstraint(ITEM, new UniqueConstraint("uk_item_code", List.of("code"))),
                new CreateIndex(ITEM, new Index("ix_item_email", false, List.of(IndexKey.column("email")), "btree", null)));
        List<Operation> r3 = List.of(
                new AlterColumn(ITEM, QTY.withNullable(false), QTY.withNullable(false).withType("bigint")));
        if (safe) {
            r2 = PostgresDialect.INSTANCE.lockSafe(r2).stream().flatMap(List::stream).toList();
            r3 = PostgresDialect.INSTANCE.lockSafe(r3).stream().flatMap(List::stream).toList();
        }
        return RevisionGraph.of(List.of(
                node("r2", "check, not null, foreign key, unique, index", List.of(), r2),
                node("r3", "type change", List.of("r2"), r3)));
    }

    private static RevisionNode node(String id, String message, List<String> revises, List<Operation> operations) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(Operations op) {
                operations.forEach(((Recorder) op)::record);
            }
        };
        return new RevisionNode(
                new RevisionInfo(id, revises, List.of(), List.of(), message, Instant.parse("2026-01-01T00:00:00Z")),
                id,
                migration);
    }

    /** Two sessions, each running a single-row insert, update or select every 2 ms, timing each. */
    private final class Traffic {
        private final String database;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong nextId = new AtomicLong(10_000_000);
        private final List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();

        Traffic(String database) {
            this.database = database;
        }

        void start() {
            for (int i = 0; i < 2; i++) {
                Thread thread = new Thread(this::loop, "traffic-" + i);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop() {
            try (Connection c = connect(database);
                    PreparedStatement insert = c.prepareStatement(
                            "insert into item (id, email, code, owner_id, qty, price) values (?, ?, ?, ?, 1, 1)");
                    PreparedStatement update = c.prepareStatement("update item set price = price + 1 where id = ?");
                    PreparedStatement select = c.prepareStatement("select * from item where id = ?")) {
                int n = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    switch (n++ % 3) {
                        case 0 -> {
                            long id = nextId.incrementAndGet();
                            insert.setLong(1, id);
                            insert.setString(2, "new" + id + "@example.com");
                            insert.setString(3, "n" + id);
                            insert.setLong(4, 1 + id % 1000);
                            insert.executeUpdate();
                        }
                        case 1 -> {
                            update.setLong(1, 1 + ThreadLocalRandom.current().nextInt(rows));
                            update.executeUpdate();
                        }
                        default -> {
                            select.setLong(1, 1 + ThreadLocalRandom.current().nextInt(rows));
                            select.executeQuery().close();
                        }
                    }
                    samples.add(new long[] {start, System.nanoTime()});
                    Thread.sleep(PACE.toMillis());
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        /** The longest statement that ended in [from, to]: a stalled statement ends when the lock is let go. */
        long maxLatencyNanos(long from, long to) {
            synchronized (samples) {
                return samples.stream()
                        .filter(s -> s[1] >= from && s[1] <= to)
                        .mapToLong(s -> s[1] - s[0])
                        .max()
                        .orElse(0);
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server.getPort() + "/" + database, "postgres", "postgres");
    }

    private void report(List<Result> results) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("An upgrade under traffic (bench/traffic): ")
                .append(String.format(Locale.ROOT, "%,d", rows))
                .append(" rows; two sessions each running a single-row insert, update or select every ")
                .append(PACE.toMillis())
                .append(" ms throughout. Stall: the longest any one of their statements took while the revision ran."
                        + " Plain: the plain forms with lock.timeout = 0 (what autogen wrote before); lock-safe: the"
                        + " forms autogen writes now, with lock.timeout = ")
                .append(lockTimeout.toMillis())
                .append(" ms and up to 6 retries. The long reader holds the table for ")
                .append(reader.toSeconds())
                .append(" s from just before the upgrade. ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, PostgreSQL 18 (embedded).\n\n");
        md.append("| scenario | traffic's usual worst | stall in r2 (check, NOT NULL, FK, unique, index) | stall in r3"
                + " (type change) | upgrade | retries | outcome |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            md.append("| ")
                    .append(r.safe() ? "lock-safe" : "plain")
                    .append(r.withReader() ? ", long reader" : "")
                    .append(" | ")
                    .append(r.baselineMaxMillis())
                    .append(" ms | ")
                    .append(stall(r, "r2"))
                    .append(" | ")
                    .append(stall(r, "r3"))
                    .append(" | ")
                    .append(r.upgradeMillis())
                    .append(" ms | ")
                    .append(r.retries())
                    .append(" | ")
                    .append(r.outcome().replace('|', '/'))
                    .append(" |\n");
        }
        for (boolean withReader : new boolean[] {false, true}) {
            Result plain = find(results, false, withReader);
            Result safe = find(results, true, withReader);
            md.append("\nr2's stall, lock-safe against plain")
                    .append(withReader ? " with the long reader" : "")
                    .append(": ")
                    .append(String.format(
                            Locale.ROOT, "%.2f", (double) millis(safe, "r2") / Math.max(1, millis(plain, "r2"))))
                    .append(".");
        }
        md.append('\n');
        Path directory = Path.of("bench", "results");
        Files.createDirectories(directory);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Files.writeString(directory.resolve("traffic-" + stamp + ".md"), md.toString());
        Files.writeString(directory.resolve("traffic-latest.md"), md.toString());
        System.out.println();
        System.out.println(md);
    }

    private static Result find(List<Result> results, boolean safe, boolean withReader) {
        return results.stream()
                .filter(r -> r.safe() == safe && r.withReader() == withReader)
                .findFirst()
                .orElseThrow();
    }

    private static long millis(Result result, String revision) {
        return result.stallMillis().entrySet().stream()
                .filter(e -> e.getKey().startsWith(revision))
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(0);
    }

    private static String stall(Result result, String revision) {
        return result.stallMillis().keySet().stream().anyMatch(k -> k.startsWith(revision))
                ? millis(result, revision) + " ms"
                : "-";
    }
}
