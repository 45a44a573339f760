package dev.autogen.internal.discovery;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.text.Fingerprint;
import dev.autogen.migration.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a directory of migration sources, reusing the classes of an earlier run with the same sources;
 * when files were only added since an earlier run, just those are compiled, against its classes.
 */
final class SourceCompiler {

    private SourceCompiler() {}

    /**
     * The directory holding the compiled classes of every {@code .java} file below {@code sources}, or
     * {@code null} when there are none.
     */
    static Path compile(Path sources, Path cacheRoot) {
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            return null;
        }
        Map<String, String> manifest = manifest(sources, files);
        Path output = cacheRoot.resolve(digest(manifest));
        if (Files.isDirectory(output.resolve(".complete"))) {
            return output;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_COMPILE_FAILED,
                    "this Java runtime has no compiler",
                    "run autogen with a JDK, not a JRE");
        }
        try {
            sweepAbandoned(Files.createDirectories(cacheRoot));
            // The pid says whose it is (see sweepAbandoned); the count keeps two builds of one process apart.
            Path staging = cacheRoot.resolve(
                    output.getFileName() + STAGING + ProcessHandle.current().pid() + "-" + STAGINGS.incrementAndGet());
            Files.createDirectories(staging);
            Optional<Path> earlier = earlierBuild(cacheRoot, manifest);
            boolean compiled = false;
            if (earlier.isPresent()) {
                // Only files were added since: their classes join a copy of the earlier build's, compiled against it.
                copyClasses(earlier.get(), staging);
                Map<String, String> before = readManifest(earlier.get());
                List<Path> added = files.stream()
                        .filter(f -> !before.containsKey(relative(sources, f)))
                        .toList();
                compiled = javac(compiler, added, staging) == null;
                if (!compiled) {
                    deleteRecursively(staging);
                    Files.createDirectories(staging);
                }
            }
            if (!compiled) {
                DiagnosticCollector<JavaFileObject> diagnostics = javac(compiler, files, staging);
                if (diagnostics != null) {
                    deleteRecursively(staging);
                    throw failure(sources, diagnostics);
                }
            }
            writeManifest(staging, manifest);
            Files.createDirectories(staging.resolve(".complete"));
            try {
                Files.move(staging, output);
            } catch (IOException raced) {
                // Another process compiled the same sources meanwhile: its classes are as good as ours.
                if (!Files.isDirectory(output.resolve(".complete"))) {
                    throw raced;
                }
                deleteRecursively(staging);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Between a build's digest and the pid of the process that stages it. */
    private static final String STAGING = ".tmp";

    private static final java.util.concurrent.atomic.AtomicLong STAGINGS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Removes what a process that died while compiling (killed, or cancelled with Ctrl-C) left staged: a
     * staging directory whose process no longer runs.
     */
    private static void sweepAbandoned(Path cacheRoot) throws IOException {
        java.util.regex.Pattern staged = java.util.regex.Pattern.compile(".*\\" + STAGING + "(\\d+)(?:-\\d+)?");
        try (java.util.stream.Stream<Path> entries = Files.list(cacheRoot)) {
            for (Path entry : entries.toList()) {
                java.util.regex.Matcher name =
                        staged.matcher(entry.getFileName().toString());
                if (name.matches()
                        && ProcessHandle.of(Long.parseLong(name.group(1)))
                                .map(p -> !p.isAlive())
                                .orElse(true)) {
                    try {
                        deleteRecursively(entry);
                    } catch (IOException | UncheckedIOException raced) {
                        // Another process swept it first.
                    }
                }
            }
        }
    }

    /** Compiles {@code files} into {@code output}, which is on the classpath too; the errors, or null. */
    private static DiagnosticCollector<JavaFileObject> javac(JavaCompiler compiler, List<Path> files, Path output)
            throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-d",
                    output.toString(),
                    "-classpath",
                    classpath() + java.io.File.pathSeparator + output,
                    "-encoding",
                    "UTF-8",
                    "-proc:none",
                    "-implicit:none",
                    "-nowarn");
            boolean compiled = compiler.getTask(
                            null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
                    .call();
            return compiled ? null : diagnostics;
        }
    }

    /**
     * The earlier complete build whose sources are all still here, unchanged, and most of them: the current
     * sources differ from it only by added files. None when a file was edited or removed, or the compiler's
     * classpath or Java changed (the manifest's environment line says).
     */
    private static Optional<Path> earlierBuild(Path cacheRoot, Map<String, String> manifest) throws IOException {
        Path best = null;
        int most = 0;
        try (Stream<Path> builds = Files.list(cacheRoot)) {
            for (Path build : builds.filter(b -> Files.isDirectory(b.resolve(".complete")))
                    .toList()) {
                Map<String, String> before = readManifest(build);
                boolean subset = !before.isEmpty()
                        && before.size() < manifest.size()
                        && before.entrySet().stream().allMatch(e -> e.getValue().equals(manifest.get(e.getKey())));
                if (subset && before.size() > most) {
                    best = build;
                    most = before.size();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static final String MANIFEST = ".sources";
    /** The manifest's line for what else decides the classes: no source file is named so. */
    private static final String ENVIRONMENT = "<environment>";

    /** Each source's path and content digest, and a line for what else decides the classes. */
    private static Map<String, String> manifest(Path root, List<Path> files) {
        Map<String, String> manifest = new TreeMap<>();
        manifest.put(ENVIRONMENT, Fingerprint.hex(environment()));
        for (Path file : files) {
            try {
                manifest.put(relative(root, file), Fingerprint.hex(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return manifest;
    }

    private static void writeManifest(Path build, Map<String, String> manifest) throws IOException {
        StringBuilder text = new StringBuilder();
        manifest.forEach((path, digest) ->
                text.append(digest).append(' ').append(path.replace("\n", " ")).append('\n'));
        Files.writeString(build.resolve(MANIFEST), text);
    }

    private static Map<String, String> readManifest(Path build) {
        Map<String, String> manifest = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(build.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    manifest.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of(); // an older build, or a damaged one: not a base for another
        }
        return manifest;
    }

    private static void copyClasses(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                try {
                    Files.createLink(target, file);
                } catch (IOException | UnsupportedOperationException noLinks) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * The migration API as compiled against: its class files' bytes, or the jar's identity, size and time. A
     * rebuilt autogen at the same path may have changed a signature the cached classes were compiled
     * against (and fail with {@code NoSuchMethodError}).
     */
    private static final byte[] MIGRATION_API = migrationApi();

    private static byte[] migrationApi() {
        try {
            Path own = Path.of(Migration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(own)) {
                return Fingerprint.ofDirectory(own.resolve("dev/autogen/migration"));
            }
            // A jar (the command line's holds PostgreSQL too, 100 MB): rebuilt, it has another time or size.
            java.nio.file.attribute.BasicFileAttributes jar =
                    Files.readAttributes(own, java.nio.file.attribute.BasicFileAttributes.class);
            return Fingerprint.of(
                    (own + " " + jar.size() + " " + jar.lastModifiedTime().toInstant() + " " + jar.fileKey())
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // Nowhere to read them from: the version stands in for them.
            return dev.autogen.api.Version.current().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What migrations compile against: autogen's own classes, wherever they were loaded from, and the JVM's classpath. */
    private static String classpath() {
        String own;
        try {
            own = Path.of(Migration.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
        return own + java.io.File.pathSeparator + System.getProperty("java.class.path");
    }

    private static AutogenException failure(Path sources, DiagnosticCollector<JavaFileObject> diagnostics) {
        Diagnostic<? extends JavaFileObject> first = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .findFirst()
                .orElseThrow();
        String file = first.getSource() == null
                ? sources.toString()
                : Path.of(first.getSource().toUri()).toString();
        return new AutogenException(
                ErrorCode.MIGRATION_COMPILE_FAILED,
                "migration source " + file + ":" + first.getLineNumber() + " does not compile: "
                        + first.getMessage(Locale.ROOT).lines().findFirst().orElse(""),
                "fix the file; nothing was run");
    }

    private static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content, paths, the compiler's classpath and Java version: anything that changes the classes. */
    private static String digest(Map<String, String> manifest) {
        StringBuilder text = new StringBuilder();
        manifest.forEach((path, digest) ->
                text.append(path).append('\u0000').append(digest).append('\u0000'));
        return Fingerprint.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] environment() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(System.getProperty("java.version").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(classpath().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(MIGRATION_API);
        return bytes.toByteArray();
    }
}
