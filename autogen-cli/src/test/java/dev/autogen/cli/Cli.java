package dev.autogen.cli;

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

    /** A command started and still running, to be signalled or waited for. */
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
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
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

    Running start(String... arguments) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile("autogen-out", ".txt");
            Path err = Files.createTempFile("autogen-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
            builder.environment().putAll(environment);
            return new Running(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... arguments) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile("autogen-out", ".txt");
            Path err = Files.createTempFile("autogen-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("autogen " + String.join(" ", arguments) + " did not finish in 180 s");
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs the jar on a pseudo-terminal ({@code script} from util-linux), as a user at a shell does, typing
     * {@code input}: what {@code System.console()} sees there is a real terminal.
     */
    Result runOnTerminal(String input, String... arguments) {
        StringBuilder line = new StringBuilder();
        line.append(quote(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                .append(" -jar ")
                .append(quote(JAR.toString()));
        for (String argument : arguments) {
            line.append(' ').append(quote(argument));
        }
        try {
            Path out = Files.createTempFile("autogen-out", ".txt");
            ProcessBuilder builder = new ProcessBuilder("script", "-qec", line.toString(), "/dev/null")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("autogen " + String.join(" ", arguments) + " did not finish in 180 s");
            }
            process.getOutputStream().close();
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
            Files.delete(out);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
