package dev.autogen.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new revision (a column on five tables and an index) applied to T tenant schemas of 20 tables each, all
 * at the revision before it: one fleet run with {@code --parallel 4} against a loop of single runs, one a
 * tenant, as Flyway's documentation advises. Both go through bin/autogen; the loop over the first L
 * tenants (all by default) gives a time per tenant, and the ratio compares the two per tenant.
 */
public final class FleetBench {

    private static final int TABLES = 20;
    private static final Pattern PEAK = Pattern.compile("\"peakConnections\": (\\d+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--tenants", "1000", "--parallel", "4", "--out", "bench/results"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int tenants = Integer.parseInt(options.get("--tenants"));
        int loop = Integer.parseInt(options.getOrDefault("--loop", String.valueOf(tenants)));
        String parallel = options.get("--parallel");
        Path launcher = Path.of("bin/autogen").toAbsolutePath();
        Path project = Path.of("bench/target/fleet").toAbsolutePath();
        deleteRecursively(project);
        Files.createDirectories(project.resolve("migrations/fleet"));
        writeMigrations(project);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            Files.writeString(project.resolve("autogen.properties"), "url = " + url + "\nuser = postgres\n"
                    + "migrations.dir = migrations\nmigrations.package = fleet\n");
            log("creating " + tenants + " tenant schemas at r1 (" + TABLES + " tables each)");
            try (Connection c = DriverManager.getConnection(url, "postgres", null);
                    Statement s = c.createStatement()) {
                for (int i = 0; i < tenants; i++) {
                    s.execute("create schema " + tenant(i));
                }
            }
            run(project, launcher.toString(), "--version");
            run(project, launcher.toString(), "upgrade", "r1", "--schemas", "tenant_*", "--parallel", parallel);

            log("fleet: upgrade head over " + tenants + " tenants, --parallel " + parallel);
            Sample fleet = run(project, launcher.toString(), "upgrade", "head", "--schemas", "tenant_*", "--parallel",
                    parallel, "--format", "json");
            Matcher peak = PEAK.matcher(fleet.output());
            int peakConnections = peak.find() ? Integer.parseInt(peak.group(1)) : -1;
            run(project, launcher.toString(), "downgrade", "r1", "--schemas", "tenant_*", "--parallel", parallel);

            log("loop: upgrade head --schema tenant_i, one run a tenant, over " + loop + " tenants");
            long loopMillis = 0;
            long loopRss = 0;
            for (int i = 0; i < loop; i++) {
                Sample one = run(project, launcher.toString(), "upgrade", "head", "--schema", tenant(i));
                loopMillis += one.millis();
                loopRss = Math.max(loopRss, one.rssKb());
            }
            double fleetPerTenant = fleet.millis() / (double) tenants;
            double loopPerTenant = loopMillis / (double) loop;
            String md = report(tenants, loop, parallel, fleet, peakConnections, loopMillis, loopRss, fleetPerTenant, loopPerTenant);
            Path out = Path.of(options.get("--out"));
            Files.createDirectories(out);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Files.writeString(out.resolve("fleet-" + stamp + ".md"), md);
            Files.writeString(out.resolve("fleet-latest.md"), md);
            System.out.print(md);
        }
    }

    private static String report(int tenants, int loop, String parallel, Sample fleet, int peak, long loopMillis, long loopRss,
            double fleetPerTenant, double loopPerTenant) {
        return "A new revision (a column on 5 of 20 tables, and an index) applied to " + tenants
                + " tenant schemas at the revision before it, on one embedded PostgreSQL (" + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + "), both through bin/autogen."
                + (loop < tenants ? " The loop ran over the first " + loop + " tenants; its time per tenant is compared." : "")
                + "\n\n| what | tenants | total s | per tenant ms | peak RSS MiB | peak connections |\n|---|---:|---:|---:|---:|---:|\n"
                + String.format("| autogen upgrade head --schemas 'tenant_*' --parallel %s (one run) | %d | %.1f | %.1f | %d | %d |%n",
                        parallel, tenants, fleet.millis() / 1000.0, fleetPerTenant, fleet.rssKb() / 1024, peak)
                + String.format("| autogen upgrade head --schema tenant_i (a run a tenant, in a loop) | %d | %.1f | %.1f | %d | 1 |%n",
                        loop, loopMillis / 1000.0, loopPerTenant, loopRss / 1024)
                + String.format("%nThe fleet run is %.1f times faster per tenant than the loop (goal: at least 10).%n",
                        loopPerTenant / fleetPerTenant);
    }

    private static void writeMigrations(Path project) throws Exception {
        StringBuilder r1 = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            r1.append("op.createTable(table(name(\"t").append(t).append("\"))")
                    .append(".column(column(\"id\", \"bigint\").notNull())")
                    .append(".column(column(\"name\", \"character varying(100)\").notNull())")
                    .append(".column(column(\"created\", \"timestamp(6) with time zone\"))")
                    .append(".column(column(\"amount\", \"numeric(12,2)\"))")
                    .append(".column(column(\"note\", \"text\"))")
                    .append(".primaryKey(\"t").append(t).append("_pkey\", \"id\"));\n");
        }
        StringBuilder r2 = new StringBuilder();
        for (int t = 0; t < 5; t++) {
            r2.append("op.addColumn(name(\"t").append(t).append("\"), column(\"email\", \"character varying(200)\"));\n");
        }
        r2.append("op.createIndex(name(\"t0\"), index(\"ix_t0_email\").column(\"email\"));\n");
        write(project, "r1", null, r1.toString());
        write(project, "r2", "r1", r2.toString());
    }

    private static void write(Path project, String id, String revises, String body) throws Exception {
        Files.writeString(project.resolve("migrations/fleet/M_" + id + ".java"), """
                package fleet;

                import static dev.autogen.migration.Definitions.*;

                import dev.autogen.migration.Migration;
                import dev.autogen.migration.Operations;
                import dev.autogen.migration.Revision;

                @Revision(id = "%s"%s, message = "%s", created = "2026-12-07T10:00:00Z")
                public final class M_%s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        %s
                    }
                }
                """.formatted(id, revises == null ? "" : ", revises = \"" + revises + "\"", id, id, body));
    }

    private record Sample(long millis, long rssKb, String output) {}

    private static Sample run(Path directory, String... command) throws Exception {
        Path rss = Files.createTempFile("rss", ".txt");
        Path output = Files.createTempFile("output", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        full.addAll(List.of(command));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long rssKb = Long.parseLong(Files.readAllLines(rss).stream().filter(l -> l.matches("\\d+")).findFirst().orElse("0"));
        String text = Files.readString(output);
        Files.delete(rss);
        Files.delete(output);
        return new Sample(millis, rssKb, text);
    }

    private static String tenant(int i) {
        return "tenant_%04d".formatted(i);
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void log(String line) {
        System.err.println("[fleet bench] " + line);
    }
}
