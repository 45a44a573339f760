package dev.autogen.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * autogen's no-change {@code check} on MariaDB (through bin/autogen, cached and cold) beside Hibernate's own
 * {@code validate} on the same database, whose schema Hibernate itself created from the generated model.
 * Medians of R runs, whole processes, side by side in one run.
 */
public final class MariaDbBench {

    private record Row(int n, String what, List<Long> millis, long rssKb) {
        long median() {
            List<Long> sorted = millis.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--sizes", "1000", "--runs", "5", "--out", "bench/results"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int runs = Integer.parseInt(options.get("--runs"));
        Path jar = Path.of("autogen-cli/target/autogen.jar").toAbsolutePath();
        Path launcher = Path.of("bin/autogen").toAbsolutePath();
        Path work = Path.of("bench/target/mariadb").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        List<Row> rows = new ArrayList<>();
        Process server = null;
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            server = start(work, port);
            String admin = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
            String version;
            try (Connection c = DriverManager.getConnection(admin);
                    Statement s = c.createStatement();
                    var rs = s.executeQuery("select version()")) {
                rs.next();
                version = rs.getString(1);
            }
            sample(List.of(launcher.toString(), "--version"), work);
            for (String size : options.get("--sizes").split(",")) {
                int n = Integer.parseInt(size.strip());
                Path root = work.resolve("n" + n);
                log("N = " + n + ": generating the model, Hibernate creating its schema");
                Path classes = ModelGenerator.generate(n, root, jar.toString());
                String empty = "jdbc:mariadb://127.0.0.1:" + port + "/empty" + n + "?user=root";
                String model = "jdbc:mariadb://127.0.0.1:" + port + "/model" + n + "?user=root";
                try (Connection c = DriverManager.getConnection(admin);
                        Statement s = c.createStatement()) {
                    s.execute("create database empty" + n);
                    s.execute("create database model" + n);
                }
                run(List.of(java(), "-cp", classpath(), HibernateSchemaTool.class.getName(),
                        "create", model, "root", classes.toString()), root);
                Path project = Files.createDirectories(root.resolve("project"));
                Files.writeString(project.resolve("autogen.properties"), "entities.classpath = " + classes
                        + "\nmigrations.dir = migrations\nmigrations.package = bench.migrations\n");
                run(List.of(launcher.toString(), "revision", "--autogenerate", "-m", "bench", "--url", empty), project);
                run(List.of(launcher.toString(), "stamp", "head", "--url", model), project);
                Files.writeString(project.resolve("autogen.properties"), "url = " + model + "\n", java.nio.file.StandardOpenOption.APPEND);
                Path cache = project.resolve(".autogen/classes/entity-models");
                run(List.of(launcher.toString(), "check"), project);
                rows.add(repeat(n, "autogen check, no changes", runs, () -> sample(List.of(launcher.toString(), "check"), project)));
                rows.add(repeat(n, "autogen check, no changes, cold", runs, () -> {
                    deleteRecursively(cache);
                    return sample(List.of(launcher.toString(), "check"), project);
                }));
                rows.add(repeat(n, "Hibernate hbm2ddl validate", runs, () -> sample(List.of(java(), "-cp",
                        classpath(), HibernateSchemaTool.class.getName(), "validate", model, "root",
                        classes.toString()), root)));
            }
            String md = report(rows, runs, version);
            Path out = Path.of(options.get("--out"));
            Files.createDirectories(out);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Files.writeString(out.resolve("mariadb-" + stamp + ".md"), md);
            Files.writeString(out.resolve("mariadb-latest.md"), md);
            System.out.print(md);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String report(List<Row> rows, int runs, String version) {
        StringBuilder md = new StringBuilder("Whole processes, medians of " + runs + " runs; ratios against Hibernate's"
                + " validator measured in the same run on the same MariaDB (" + version + ", Debian's mariadbd), "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ". autogen runs through bin/autogen; \"cold\" is without the entity-model cache. The schema is the one"
                + " Hibernate itself created from the model (hbm2ddl create).\n\n"
                + "| N | what | median s | min-max s | peak RSS MiB | ratio |\n|---:|---|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Row validator = rows.stream().filter(r -> r.n() == row.n() && r.what().startsWith("Hibernate")).findFirst().orElseThrow();
            String ratio = row == validator ? "" : String.format("%.2f x validate", row.median() / (double) validator.median());
            md.append(String.format("| %d | %s | %.2f | %.2f-%.2f | %d | %s |%n", row.n(), row.what(), row.median() / 1000.0,
                    row.millis().stream().min(Long::compare).orElseThrow() / 1000.0,
                    row.millis().stream().max(Long::compare).orElseThrow() / 1000.0, row.rssKb() / 1024, ratio));
        }
        md.append("\nGoals (issue 28): at most 1.0 x validate cold, 0.4 x cached, at N = 1,000.\n");
        return md.toString();
    }

    private interface Run {
        long[] once() throws Exception;
    }

    private static Row repeat(int n, String what, int runs, Run run) throws Exception {
        log("N = " + n + ": " + what);
        List<Long> millis = new ArrayList<>();
        long rss = 0;
        for (int i = 0; i < runs; i++) {
            long[] sample = run.once();
            millis.add(sample[0]);
            rss = Math.max(rss, sample[1]);
        }
        return new Row(n, what, millis, rss);
    }

    /** A whole process under GNU time: its milliseconds and peak RSS in KiB; fails when it fails. */
    private static long[] sample(List<String> command, Path directory) throws Exception {
        Path rss = Files.createTempFile("rss", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        full.addAll(command);
        long start = System.nanoTime();
        run(full, directory);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long kb = Long.parseLong(Files.readAllLines(rss).stream().filter(l -> l.matches("\\d+")).findFirst().orElse("0"));
        Files.delete(rss);
        return new long[] {millis, kb};
    }

    private static void run(List<String> command, Path directory) throws Exception {
        Path output = Files.createTempFile("output", ".txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
        }
        Files.delete(output);
    }

    private static Process start(Path work, int port) throws Exception {
        Path data = work.resolve("data");
        String user = System.getProperty("user.name");
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=" + user,
                "--auth-root-authentication-method=normal", "--skip-test-db"), work);
        Process server = new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + data, "--user=" + user,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + work.resolve("socket"),
                "--pid-file=" + work.resolve("pid"), "--skip-log-bin", "--innodb-buffer-pool-size=256M",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci")
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(url)) {
                return server;
            } catch (java.sql.SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mariadbd did not start: see " + work.resolve("server.log"));
                }
                Thread.sleep(100);
            }
        }
    }

    /** This JVM's class path with absolute entries: the tools run in other directories. */
    private static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void log(String line) {
        System.err.println("[mariadb bench] " + line);
    }
}
