package dev.autogen.bench;

import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.entities.EntityReader;
import dev.autogen.api.EntitySource;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures autogen beside Hibernate's own schema tools and psql, each as a whole process on the same
 * model and the same PostgreSQL, and writes a markdown table and a JSON file. Arguments:
 * {@code [--sizes 100,1000,5000] [--runs 5] [--out DIR]}.
 */
public final class Bench {

    private static final Pattern TIMING = Pattern.compile("timing: (\\w+) (\\d+) ms(?: \\((.*)\\))?");

    private final Path jar;
    private final Path launcher = Path.of("bin/autogen").toAbsolutePath();
    private final Path work;
    private final int runs;
    private final EmbeddedPostgres server;
    private int databases;

    private Bench(Path jar, Path work, int runs, EmbeddedPostgres server) {
        this.jar = jar;
        this.work = work;
        this.runs = runs;
        this.server = server;
    }

    /** One process run: wall time, peak resident memory, and the stage timings it printed. */
    record Sample(long millis, long rssKb, Map<String, Long> stages, String detail) {}

    record Measurement(int entities, String name, List<Sample> samples) {
        long median() {
            return percentile(samples.stream().map(Sample::millis).sorted().toList());
        }

        long min() {
            return samples.stream().mapToLong(Sample::millis).min().orElseThrow();
        }

        long max() {
            return samples.stream().mapToLong(Sample::millis).max().orElseThrow();
        }

        long medianRssMb() {
            return percentile(samples.stream().map(Sample::rssKb).sorted().toList()) / 1024;
        }

        long maxRssMb() {
            return samples.stream().mapToLong(Sample::rssKb).max().orElseThrow() / 1024;
        }

        long stage(String stage) {
            return percentile(samples.stream().map(s -> s.stages().getOrDefault(stage, 0L)).sorted().toList());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--sizes", "100,1000,5000", "--runs", "5", "--out", "bench/results"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path jar = Path.of("autogen-cli/target/autogen.jar").toAbsolutePath();
        Path work = Path.of("bench/target").toAbsolutePath();
        List<Measurement> measurements = new ArrayList<>();
        // A first migration of 10,000 tables takes a lock on each relation it creates, all held to its commit:
        // past PostgreSQL's default lock table (64 a connection), it fails with "out of shared memory", as
        // Hibernate's own script does in one transaction.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("max_locks_per_transaction", "1024")
                .start()) {
            Bench bench = new Bench(jar, work, Integer.parseInt(options.get("--runs")), server);
            // The launcher makes its start-up archive on first use: not something to time.
            timed(List.of(bench.launcher.toString(), "--version"), Path.of("."));
            for (String size : options.get("--sizes").split(",")) {
                measurements.addAll(bench.measure(Integer.parseInt(size.strip())));
            }
        }
        Report.write(measurements, Path.of(options.get("--out")), Integer.parseInt(options.get("--runs")));
    }

    private List<Measurement> measure(int entities) throws Exception {
        Path root = work.resolve("n" + entities);
        deleteRecursively(root);
        log("N = " + entities + ": generating and compiling the model");
        Path classes = ModelGenerator.generate(entities, root, jar.toString());
        Path script = root.resolve("hibernate-create.sql");
        try (EntityModel model = EntityReader.read(EntitySource.of(List.of(classes.toString())), PostgresDialect.INSTANCE)) {
            Files.writeString(script, String.join(";\n", model.hibernateCreateScript()) + ";\n");
        }
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("autogen.properties"),
                "entities.classpath = " + classes + "\nmigrations.dir = migrations\nmigrations.package = bench.migrations\n");

        List<Measurement> results = new ArrayList<>();
        results.add(repeat(entities, "autogen revision --autogenerate, from empty", () -> {
            deleteRecursively(project.resolve("migrations"));
            return autogen(project, freshDatabase(), "revision", "--autogenerate", "-m", "bench", "--rev-id", "bench1", "--timings");
        }));
        // The first command after a revision compiles it (cached for the next ones): measured on its own.
        results.add(repeat(entities, "autogen compiling the new migration", () -> {
            deleteRecursively(project.resolve(".autogen/classes"));
            return autogen(project, "postgres", "heads");
        }));
        results.add(repeat(entities, "autogen first command after a second revision", () -> {
            Path second = secondRevision(project);
            try {
                return autogen(project, "postgres", "heads");
            } finally {
                Files.delete(second);
                autogen(project, "postgres", "heads");
            }
        }));
        results.add(repeat(entities, "autogen upgrade head, from empty", () -> autogen(project, freshDatabase(), "upgrade", "head")));
        String[] hibernates = new String[1];
        results.add(repeat(entities, "psql running Hibernate's create script", () -> {
            hibernates[0] = freshDatabase();
            return timed(List.of("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", script.toString(),
                    "postgresql://postgres@localhost:" + server.getPort() + "/" + hibernates[0]), root);
        }));
        // Hibernate's own schema is the database at the model; the project's one migration says so.
        String atModel = hibernates[0];
        autogen(project, atModel, "stamp", "head");
        // After the first run the entity model comes from the cache (.autogen/classes/entity-models).
        results.add(repeat(entities, "autogen revision --autogenerate, no changes", () ->
                autogen(project, atModel, "revision", "--autogenerate", "-m", "nothing", "--timings")));
        results.add(repeat(entities, "autogen check, no changes", () -> autogen(project, atModel, "check")));
        Path entityCache = project.resolve(".autogen/classes/entity-models");
        results.add(repeat(entities, "autogen revision --autogenerate, no changes, cold", () -> {
            deleteRecursively(entityCache);
            return autogen(project, atModel, "revision", "--autogenerate", "-m", "nothing", "--timings");
        }));
        results.add(repeat(entities, "autogen check, no changes, cold", () -> {
            deleteRecursively(entityCache);
            return autogen(project, atModel, "check");
        }));
        results.add(repeat(entities, "autogen check, no changes, plain java -jar", () -> autogenJar(project, atModel, "check")));
        results.add(repeat(entities, "autogen check, no changes, plain java -jar, cold", () -> {
            deleteRecursively(entityCache);
            return autogenJar(project, atModel, "check");
        }));
        // A jar no launcher prepared, as a user downloads it: its first real command records the start-up
        // archive in the user's cache (not timed); the later ones run with it.
        Path freshJar = Files.createDirectories(root.resolve("fresh-jar")).resolve("autogen.jar");
        Files.copy(jar, freshJar, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> freshCache = Map.of("XDG_CACHE_HOME", root.resolve("fresh-cache").toString());
        deleteRecursively(root.resolve("fresh-cache"));
        autogenJar(freshJar, freshCache, project, atModel, "check");
        results.add(repeat(entities, "autogen check, no changes, plain java -jar of a jar no launcher prepared", () ->
                autogenJar(freshJar, freshCache, project, atModel, "check")));
        Run embedded = embeddedCheck(project);
        if (embedded != null) {
            results.add(repeat(entities, "autogen check, no changes, url = embedded", embedded));
        }
        results.add(repeat(entities, "autogen revision --autogenerate --from-history, no changes", () ->
                autogen(project, atModel, "revision", "--autogenerate", "--from-history", "-m", "nothing", "--timings")));
        results.add(repeat(entities, "Hibernate hbm2ddl validate", () -> hibernate("validate", atModel, classes)));
        results.add(repeat(entities, "Hibernate hbm2ddl validate, autogen's JVM flags", () ->
                hibernate("validate", atModel, classes, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
        results.add(repeat(entities, "Hibernate hbm2ddl update, no changes", () -> hibernate("update", atModel, classes)));
        results.add(repeat(entities, "Hibernate hbm2ddl update, from empty", () -> hibernate("update", freshDatabase(), classes)));
        return results;
    }

    /**
     * A project beside {@code project} on the embedded default ({@code url = embedded}), its own server
     * brought to the model by its migrations; the run checks it, the server started and stopped each time.
     */
    private Run embeddedCheck(Path project) throws Exception {
        Path embedded = project.resolveSibling("project-embedded");
        deleteRecursively(embedded);
        Files.createDirectories(embedded);
        copyRecursively(project.resolve("migrations"), embedded.resolve("migrations"));
        Files.writeString(embedded.resolve("autogen.properties"),
                Files.readString(project.resolve("autogen.properties")) + "url = embedded\n");
        try {
            timed(List.of(launcher.toString(), "upgrade", "head"), embedded);
        } catch (IllegalStateException refused) {
            // The embedded server keeps PostgreSQL's default lock table, which a first migration of about
            // 10,000 tables outgrows: the row is left out, the rest of the run goes on.
            System.out.println("autogen check, url = embedded: not measured, its upgrade failed: "
                    + refused.getMessage().lines().filter(line -> line.contains("error")).findFirst().orElse(""));
            return null;
        }
        // Its entity-model cache, as the other project's.
        timed(List.of(launcher.toString(), "check"), embedded);
        return () -> timed(List.of(launcher.toString(), "check"), embedded);
    }

    /** Writes an empty second revision after the head, the way a user starts one by hand; returns its file. */
    private Path secondRevision(Path project) throws Exception {
        List<Path> before = files(project.resolve("migrations"));
        timed(List.of(launcher.toString(), "revision", "-m", "second", "--rev-id", "bench2", "--url", url("postgres"),
                "--user", "postgres"), project);
        List<Path> added = new ArrayList<>(files(project.resolve("migrations")));
        added.removeAll(before);
        if (added.size() != 1) {
            throw new IllegalStateException("revision wrote " + added);
        }
        return added.get(0);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private interface Run {
        Sample run() throws Exception;
    }

    private Measurement repeat(int entities, String name, Run run) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(run.run());
        }
        Measurement measurement = new Measurement(entities, name, samples);
        log(String.format(Locale.ROOT, "N = %d: %-45s median %6d ms  (%d-%d)  RSS %d MiB",
                entities, name, measurement.median(), measurement.min(), measurement.max(), measurement.medianRssMb()));
        return measurement;
    }

    /** autogen as a user runs it: through bin/autogen, with its start-up archive and JVM flags. */
    private Sample autogen(Path project, String database, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(Arrays.asList(arguments));
        command.addAll(List.of("--url", url(database), "--user", "postgres"));
        return timed(command, project);
    }

    /** autogen through plain {@code java -jar}, the JVM's defaults, no start-up archive. */
    private Sample autogenJar(Path project, String database, String... arguments) throws Exception {
        return autogenJar(jar, Map.of(), project, database, arguments);
    }

    private Sample autogenJar(Path jar, Map<String, String> environment, Path project, String database, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(Arrays.asList(arguments));
        command.addAll(List.of("--url", url(database), "--user", "postgres"));
        return timed(command, project, environment);
    }

    private Sample hibernate(String action, String database, Path classes, String... jvmFlags) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(Arrays.asList(jvmFlags));
        command.addAll(List.of("-cp", jar + ":" + work.resolve("classes"), HibernateSchemaTool.class.getName(),
                action, url(database), "postgres", classes.toString()));
        return timed(command, work);
    }

    /** Runs a command under GNU time for its peak RSS; fails the benchmark when the command fails. */
    private static Sample timed(List<String> command, Path directory) throws Exception {
        return timed(command, directory, Map.of());
    }

    private static Sample timed(List<String> command, Path directory, Map<String, String> environment) throws Exception {
        Path rss = Files.createTempFile("rss", ".txt");
        Path output = Files.createTempFile("output", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        full.addAll(command);
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> stages = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        for (String line : Files.readAllLines(output)) {
            Matcher m = TIMING.matcher(line);
            if (m.matches()) {
                stages.put(m.group(1), Long.parseLong(m.group(2)));
                if (m.group(1).equals("introspection") && m.group(3) != null) {
                    detail.append(m.group(3));
                }
            }
        }
        long rssKb = Long.parseLong(Files.readAllLines(rss).stream().filter(l -> l.matches("\\d+")).findFirst().orElse("0"));
        Files.delete(rss);
        Files.delete(output);
        return new Sample(millis, rssKb, stages, detail.toString());
    }

    private String freshDatabase() throws SQLException {
        String name = "bench_" + (++databases);
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", null);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long percentile(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
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
        System.out.println(Instant.now().toString().substring(11, 19) + " " + line);
    }
}
