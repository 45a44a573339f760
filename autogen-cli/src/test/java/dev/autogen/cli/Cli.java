package dev.autogen.cli;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code autogen.jar} as a separate process, as a user's shell would. */
final class Cli {

    static final Path JAR = Path.of("target/autogen.jar").toAbsolutePath();

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path directory;
    private final Map<String, String> environment;

    Cli(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /** The command in {@code directory}, on {@code db} through the environment, as a CI job would set it. */
    static Cli on(Path directory, TestDatabase db) {
        return new Cli(
                directory,
                Map.of(
                        "AUTOGEN_URL",
                        db.settings().url(),
                        "AUTOGEN_USER",
                        db.settings().user()));
    }

    /** A command started and still running, to be signalled or waited for; {@code err} null when merged into out. */
    record Running(Process process, Path out, Path err) {
        Result waitFor(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("autogen did not finish in " + seconds + " s");
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        err == null ? "" : Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                // Read or not, the output files are done with: a suite's thousands of runs left them in /tmp.
                if (!process.isAlive()) {
                    deleteQuietly(out);
                    deleteQuietly(err);
                }
            }
        }

        /** Sends the process a signal, as Ctrl-C ({@code INT}) or a service manager ({@code TERM}) would. */
        void signal(String name) {
            try {
                new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Kills {@code process} outright, and the JVMs it started: plain {@code java -jar} runs the command in a
     * second JVM, and killing only the first would leave the second to notice and cancel, which is another
     * test (CancelIT).
     */
    static void killWithItsChildren(Process process) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    Running start(String... arguments) {
        try {
            Path out = Files.createTempFile("autogen-out", ".txt");
            Path err = Files.createTempFile("autogen-err", ".txt");
            return new Running(
                    inProject(jar(arguments))
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start(),
                    out,
                    err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... arguments) {
        Running running = start(arguments);
        try {
            return running.waitFor(180);
        } finally {
            deleteQuietly(running.out());
            deleteQuietly(running.err());
        }
    }

    /**
     * Runs the jar on a pseudo-terminal ({@code script} from util-linux), as a user at a shell does, typing
     * {@code input}: what {@code System.console()} sees there is a real terminal.
     */
    Result runOnTerminal(String input, String... arguments) {
        String line = String.join(" ", jar(arguments).stream().map(Cli::quote).toList());
        try {
            Path out = Files.createTempFile("autogen-out", ".txt");
            Process process = inProject(List.of("script", "-qec", line, "/dev/null"))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            try {
                return new Running(process, out, null).waitFor(180);
            } finally {
                deleteQuietly(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> jar(String... arguments) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** In the project directory, with the test's environment in place of any AUTOGEN_ variable of ours. */
    private ProcessBuilder inProject(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return; // a run on a terminal has one output, stdout
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless.
        }
    }

    private static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
