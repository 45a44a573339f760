package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user installs it: unpacked into an empty folder, its launcher linked onto
 * a PATH, and run from elsewhere through init, revision --autogenerate and upgrade head on the embedded
 * default.
 */
class DistributionIT {

    @TempDir
    Path work;

    @Test
    void unpackedLinkedOntoThePathAndRunFromElsewhere() throws IOException, InterruptedException {
        Path archive = Path.of("target/autogen-" + System.getProperty("autogen.version", "0.1.0-SNAPSHOT") + ".tar.gz");
        assertThat(archive).exists();
        Path install = Files.createDirectories(work.resolve("opt"));
        assertThat(run(install, Map.of(), "tar", "xzf", archive.toAbsolutePath().toString())
                        .exitCode())
                .isZero();
        Path launcher;
        try (var found = Files.list(install)) {
            launcher = found.findFirst().orElseThrow().resolve("bin/autogen");
        }
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("autogen"), launcher);

        Path project = Files.createDirectories(work.resolve("shop"));
        EntityVersions.compile(project.resolve("target/classes"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        Map<String, String> environment = Map.of(
                "PATH",
                bin + ":" + System.getenv("PATH"),
                "XDG_CACHE_HOME",
                work.resolve("cache").toString());
        Result init = run(project, environment, "bash", "-c", "autogen init");
        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(Files.readString(project.resolve(".gitignore"))).contains(".autogen/");
        Properties.set(project, "entities.classpath", "target/classes");
        Result revision =
                run(project, environment, "bash", "-c", "autogen revision --autogenerate -m 'create customers'");
        assertThat(revision.exitCode()).as(revision.output()).isZero();
        assertThat(revision.output()).contains("add table public.customer");
        Result upgrade = run(project, environment, "bash", "-c", "autogen upgrade head");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("Now at:");
        assertThat(work.resolve("cache/autogen"))
                .isDirectoryContaining(p -> p.toString().endsWith(".jsa"));
    }

    record Result(int exitCode, String output) {}

    private static Result run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("dist", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 180 s");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
