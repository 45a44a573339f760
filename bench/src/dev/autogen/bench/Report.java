package dev.autogen.bench;

import dev.autogen.bench.Bench.Measurement;
import dev.autogen.bench.Bench.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The markdown table and JSON file of one benchmark run, with ratios against the tools measured beside. */
final class Report {

    private static final List<String> STAGES = List.of("migrations", "history", "entities", "introspection", "diff", "codegen");

    private Report() {}

    static void write(List<Measurement> measurements, Path directory, int runs) throws IOException {
        Files.createDirectories(directory);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String markdown = markdown(measurements, runs);
        Files.writeString(directory.resolve(stamp + ".md"), markdown);
        Files.writeString(directory.resolve(stamp + ".json"), json(measurements));
        Files.writeString(directory.resolve("latest.md"), markdown);
        System.out.println();
        System.out.println(markdown);
    }

    private static String markdown(List<Measurement> all, int runs) {
        StringBuilder md = new StringBuilder();
        md.append("Whole processes, medians of ").append(runs).append(" runs (min-max); ratios against tools measured in the same run, ")
                .append("on the same model and database. ").append(machine())
                .append(" autogen runs through bin/autogen (class-data sharing archive, C1 only, serial GC), and through plain `java -jar` ")
                .append("(which runs the command in a second JVM with the same flags, and the archive when bin/autogen has made one, or, for a jar no launcher prepared, the one its first command recorded in the user's cache); ")
                .append("Hibernate's tools run with the JVM's defaults, and once more with autogen's flags (no archive). \"cold\" is without ")
                .append("the entity-model cache. The upgrade is measured with the new migration already compiled, as the first command after ")
                .append("`revision` leaves it; that compile is its own row, from nothing and after a second revision (only the new file).\n\n");
        md.append("| N | what | median s | min-max s | peak RSS MiB | ratio |\n|---:|---|---:|---:|---:|---|\n");
        for (Measurement m : all) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f-%.2f | %d | %s |\n", m.entities(), m.name(),
                    m.median() / 1000.0, m.min() / 1000.0, m.max() / 1000.0, m.medianRssMb(), ratio(all, m)));
        }
        md.append("\nStages inside `revision --autogenerate` (median ms):\n\n| N | case | ")
                .append(String.join(" | ", STAGES)).append(" | catalog queries |\n|---:|---|")
                .append("---:|".repeat(STAGES.size())).append("---|\n");
        for (Measurement m : all) {
            if (m.name().startsWith("autogen revision")) {
                md.append("| ").append(m.entities()).append(" | ").append(m.name().replace("autogen revision --autogenerate, ", ""));
                for (String stage : STAGES) {
                    md.append(" | ").append(m.samples().get(0).stages().containsKey(stage) ? String.valueOf(m.stage(stage)) : "-");
                }
                TreeSet<String> queries = new TreeSet<>(m.samples().stream().map(Sample::detail).map(Report::queries).toList());
                md.append(" | ").append(String.join(", ", queries)).append(" |\n");
            }
        }
        md.append("\nBounds:\n\n");
        for (int n : all.stream().map(Measurement::entities).collect(Collectors.toCollection(TreeSet::new))) {
            bound(md, all, n, "autogen revision --autogenerate, no changes", "Hibernate hbm2ddl validate", 0.4);
            bound(md, all, n, "autogen check, no changes", "Hibernate hbm2ddl validate", 0.4);
            bound(md, all, n, "autogen check, no changes, plain java -jar", "Hibernate hbm2ddl validate", 0.4);
            bound(md, all, n, "autogen check, no changes, plain java -jar of a jar no launcher prepared",
                    "Hibernate hbm2ddl validate", 0.3);
            bound(md, all, n, "autogen revision --autogenerate, no changes, cold", "Hibernate hbm2ddl validate", 1.0);
            bound(md, all, n, "autogen check, no changes, plain java -jar, cold", "Hibernate hbm2ddl validate", 1.0);
            bound(md, all, n, "autogen check, no changes, cold", "Hibernate hbm2ddl validate", 1.0);
            bound(md, all, n, "autogen revision --autogenerate, from empty", "Hibernate hbm2ddl validate", 1.2);
            bound(md, all, n, "autogen upgrade head, from empty", "psql running Hibernate's create script", 1.2);
        }
        growth(md, all, "autogen revision --autogenerate, no changes");
        growth(md, all, "autogen revision --autogenerate, from empty");
        growth(md, all, "autogen check, no changes");
        growth(md, all, "autogen check, no changes, cold");
        growth(md, all, "Hibernate hbm2ddl validate");
        find(all, 1000, "autogen compiling the new migration").ifPresent(m -> md.append(String.format(Locale.ROOT,
                "- N = 1000: compiling the new migration %.2f s (goal: at most half of 2.9 s, what it took before the incremental compile: %s)%n",
                m.median() / 1000.0, m.median() <= 1450 ? "met" : "MISSED")));
        all.stream().filter(m -> m.entities() == all.stream().mapToInt(Measurement::entities).max().orElse(0) && m.name().startsWith("autogen"))
                .max((a, b) -> Long.compare(a.maxRssMb(), b.maxRssMb()))
                .ifPresent(m -> md.append(String.format(Locale.ROOT, "- largest peak RSS of autogen at N = %d: %d MiB (%s), default heap (bound 1 GiB: %s)%n",
                        m.entities(), m.maxRssMb(), m.name(), m.maxRssMb() <= 1024 ? "met" : "MISSED")));
        return md.toString();
    }

    private static String ratio(List<Measurement> all, Measurement m) {
        if (m.name().startsWith("autogen upgrade")) {
            return find(all, m.entities(), "psql running Hibernate's create script")
                    .map(p -> String.format(Locale.ROOT, "%.2f x psql", (double) m.median() / p.median())).orElse("");
        }
        if (m.name().startsWith("autogen")) {
            return find(all, m.entities(), "Hibernate hbm2ddl validate")
                    .map(v -> String.format(Locale.ROOT, "%.2f x validate", (double) m.median() / v.median())).orElse("");
        }
        return "";
    }

    private static void bound(StringBuilder md, List<Measurement> all, int n, String ours, String theirs, double limit) {
        Optional<Measurement> a = find(all, n, ours);
        Optional<Measurement> b = find(all, n, theirs);
        if (a.isPresent() && b.isPresent()) {
            double ratio = (double) a.get().median() / b.get().median();
            md.append(String.format(Locale.ROOT, "- N = %d: %s / %s = %.2f (bound %.1f: %s)%n", n, ours, theirs, ratio, limit,
                    ratio <= limit ? "met" : "MISSED"));
        }
    }

    private static void growth(StringBuilder md, List<Measurement> all, String name) {
        Optional<Measurement> small = find(all, 1000, name);
        Optional<Measurement> large = find(all, 5000, name);
        if (small.isPresent() && large.isPresent()) {
            md.append(String.format(Locale.ROOT, "- %s, N = 1,000 -> 5,000: time x %.2f (linear would be x 5)%n", name,
                    (double) large.get().median() / small.get().median()));
        }
    }

    private static String queries(String detail) {
        int end = detail.indexOf(" catalog queries");
        return end < 0 ? "?" : detail.substring(0, end);
    }

    private static Optional<Measurement> find(List<Measurement> all, int n, String name) {
        return all.stream().filter(m -> m.entities() == n && m.name().equals(name)).findFirst();
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", PostgreSQL 18 (embedded), "
                + "Hibernate 7.4.15.";
    }

    private static String json(List<Measurement> all) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < all.size(); i++) {
            Measurement m = all.get(i);
            json.append(String.format(Locale.ROOT, "  {\"entities\": %d, \"name\": \"%s\", \"median_ms\": %d, \"min_ms\": %d, \"max_ms\": %d, "
                    + "\"median_rss_mib\": %d, \"samples\": [", m.entities(), m.name().replace("\"", "\\\""), m.median(), m.min(), m.max(), m.medianRssMb()));
            json.append(m.samples().stream().map(s -> String.format(Locale.ROOT, "{\"ms\": %d, \"rss_kib\": %d, \"stages\": {%s}}", s.millis(), s.rssKb(),
                    s.stages().entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", "))))
                    .collect(Collectors.joining(", ")));
            json.append("]}").append(i + 1 < all.size() ? ",\n" : "\n");
        }
        return json.append("]\n").toString();
    }
}
