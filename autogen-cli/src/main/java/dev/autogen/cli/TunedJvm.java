package dev.autogen.cli;

import dev.autogen.embedded.UserCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a command started as a plain {@code java -jar autogen.jar} in a JVM set up for a short run. The
 * JVM's defaults suit a long-running server: on a small machine its optimising compiler and concurrent
 * collector take the cores a command needs, and a cold {@code check} runs about 1.6 times as long as with
 * the C1 compiler and the serial collector (what {@code bin/autogen} passes, with its start-up archive when
 * there is one). Starting the second JVM costs about 50 ms. Where no launcher made an archive for this jar,
 * the first command that does real work records one in the user's cache as it runs, for the next ones.
 *
 * <p>Only a JVM started with no options of the user's own is replaced: {@code java -jar}, nothing before
 * it, and neither {@code JAVA_TOOL_OPTIONS} nor {@code JDK_JAVA_OPTIONS} set. The command in the second
 * JVM shares this one's input, output, directory and environment; its exit code is this one's; a signal
 * that ends this JVM is passed on (the command cancels as on Ctrl-C) and waited for; and if this JVM is
 * killed outright, the command notices its parent gone and cancels the same way.
 */
final class TunedJvm {

    /** Set in the second JVM: the command there watches its parent. */
    static final String MARK = "autogen.tuned";

    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The start-up archive the repository's {@code bin/autogen} makes beside the jar. */
    private static final String ARCHIVE = "autogen.jsa";

    /**
     * Commands that load most of what the others load (Hibernate, the driver, the compiler, code generation),
     * so that the archive one records serves them all; {@code current} or {@code history} load too little.
     */
    private static final Set<String> TRAINING_COMMANDS = Set.of("check", "revision", "upgrade", "downgrade", "drift");

    /** How many start-up archives the user's cache keeps (the newest). */
    static final int ARCHIVES_KEPT = 3;

    /** A start-up archive's name in the user's cache (the launcher of the distribution names them so too). */
    private static final Pattern CACHED_ARCHIVE = Pattern.compile("autogen-[0-9]+-[0-9]+\\.jsa");

    /** How often the command checks that its parent is alive. */
    private static final long WATCH_MILLIS = 200;

    private TunedJvm() {}

    /**
     * Runs the command with {@code args} in a second, tuned JVM when this one was started plainly, and
     * returns its exit code; empty when the command is this JVM's to run.
     */
    static OptionalInt run(String[] args, int cancelWaitSeconds) {
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Path jar = jar(args).orElseThrow();
        Optional<Path> recording = archive(jar).isEmpty() && training(args) ? recording(jar) : Optional.empty();
        List<String> line = new ArrayList<>(command.get());
        // The first real command on a jar records the start-up archive the later ones use.
        recording.ifPresent(tmp ->
                line.addAll(1, List.of("-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
        Process child;
        try {
            child = new ProcessBuilder(line).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        Thread forward = new Thread(
                () -> {
                    child.destroy();
                    try {
                        child.waitFor(cancelWaitSeconds + 5L, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "autogen-forward-signal");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            int code = child.waitFor();
            recording.ifPresent(tmp -> keep(tmp, code == Main.OK || code == Main.DIFFERENCES, jar));
            return OptionalInt.of(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(Main.FAILED);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the command.
            }
        }
    }

    /** The second JVM's command line, or empty when this JVM is to run the command itself. */
    static Optional<List<String>> command(String[] args) {
        if (System.getProperty(MARK) != null
                || present(System.getenv("JAVA_TOOL_OPTIONS"))
                || present(System.getenv("JDK_JAVA_OPTIONS"))) {
            return Optional.empty();
        }
        List<String> arguments =
                ProcessHandle.current().info().arguments().map(Arrays::asList).orElse(List.of());
        // Exactly "java -jar JAR args": anything else before the jar is the user's own tuning.
        if (arguments.size() != args.length + 2
                || !arguments.get(0).equals("-jar")
                || !arguments.subList(2, arguments.size()).equals(Arrays.asList(args))) {
            return Optional.empty();
        }
        Path jar = Path.of(arguments.get(1));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        archive(jar)
                .ifPresent(archive -> command.addAll(
                        List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
        command.add("-D" + MARK + "=true");
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /**
     * In the second JVM: when the JVM that started it is gone (killed outright, so it could pass nothing
     * on), ends this one as a signal would, so that the command cancels and leaves nothing running.
     */
    static void watchParent() {
        if (System.getProperty(MARK) == null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        Thread watch = new Thread(
                () -> {
                    try {
                        while (parent.get().isAlive()) {
                            Thread.sleep(WATCH_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    Runtime.getRuntime().exit(Main.FAILED);
                },
                "autogen-watch-parent");
        watch.setDaemon(true);
        watch.start();
    }

    /** The jar this JVM was started with, as {@code java -jar JAR}. */
    private static Optional<Path> jar(String[] args) {
        List<String> arguments =
                ProcessHandle.current().info().arguments().map(Arrays::asList).orElse(List.of());
        return arguments.size() >= 2 ? Optional.of(Path.of(arguments.get(1))) : Optional.empty();
    }

    /**
     * Whether a command loads what most commands load (Hibernate, the driver, the differ): one that only
     * prints its version or help would record an archive too small to help the others.
     */
    private static boolean training(String[] args) {
        List<String> given = Arrays.asList(args);
        return !given.isEmpty()
                && TRAINING_COMMANDS.contains(given.get(0))
                && given.stream().noneMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version"));
    }

    /** A file of its own to record into, beside where the archive will be: moved into place once whole. */
    private static Optional<Path> recording(Path jar) {
        try {
            Path archive = cached(jar);
            Files.createDirectories(archive.getParent());
            return Optional.of(archive.resolveSibling(
                    archive.getFileName() + "." + ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The recorded archive put in place when the run that made it succeeded (a failed one may stop early). */
    private static void keep(Path recorded, boolean succeeded, Path jar) {
        try {
            if (succeeded && Files.isRegularFile(recorded)) {
                Files.move(recorded, cached(jar), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOlderArchives(cached(jar).getParent());
            }
            Files.deleteIfExists(recorded);
        } catch (IOException | RuntimeException e) {
            // Without an archive the next command records one.
        }
    }

    /**
     * Removes all but the newest {@link #ARCHIVES_KEPT} archives of the user's cache: each is 20 to 40 MB, and
     * every new build or version of the jar records its own. A few stay for versions used side by side; one
     * removed while a JVM maps it stays readable to that JVM.
     */
    private static void removeOlderArchives(Path cache) throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.list(cache)) {
            archives = files.filter(file -> CACHED_ARCHIVE
                            .matcher(file.getFileName().toString())
                            .matches())
                    .sorted(Comparator.comparing(TunedJvm::modified).reversed())
                    .toList();
        }
        for (Path old : archives.subList(Math.min(ARCHIVES_KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** In the user's cache, named by the jar's size and time: a new build of the jar gets an archive of its own. */
    private static Path cached(Path jar) throws IOException {
        return UserCache.dir()
                .resolve("autogen-" + Files.size(jar) + "-"
                        + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) + ".jsa");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The start-up archive a launcher made for this jar: the repository's {@code bin/autogen} keeps it beside
     * the jar, the distribution's in the user's cache, named by the jar's size and time. A stale or foreign
     * archive would only be refused by the JVM, silently; this one it can use.
     */
    private static Optional<Path> archive(Path jar) {
        try {
            Path beside = jar.toAbsolutePath().resolveSibling(ARCHIVE);
            if (Files.isRegularFile(beside)
                    && Files.getLastModifiedTime(beside).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return Optional.of(beside);
            }
            Path cached = cached(jar);
            return Files.isRegularFile(cached) ? Optional.of(cached) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
