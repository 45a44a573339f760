package dev.autogen.internal.discovery;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.migration.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a directory of migration sources, reusing the classes of an earlier run with the same sources. */
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
        Path output = cacheRoot.resolve(digest(sources, files));
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
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Path staging = Files.createDirectories(cacheRoot)
                    .resolve(output.getFileName() + ".tmp"
                            + ProcessHandle.current().pid());
            Files.createDirectories(staging);
            List<String> options = List.of(
                    "-d", staging.toString(), "-classpath", classpath(), "-encoding", "UTF-8", "-proc:none", "-nowarn");
            boolean compiled = compiler.getTask(
                            null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
                    .call();
            if (!compiled) {
                throw failure(sources, diagnostics);
            }
            Files.createDirectories(staging.resolve(".complete"));
            try {
                Files.move(staging, output);
            } catch (IOException raced) {
                // Another process compiled the same sources meanwhile: its classes are as good as ours.
                if (!Files.isDirectory(output.resolve(".complete"))) {
                    throw raced;
                }
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The migration API as compiled against: its class files' bytes, or the jar's identity, size and time. A
     * rebuilt autogen at the same path may have changed a signature the cached classes were compiled
     * against (and fail with {@code NoSuchMethodError}).
     */
    private static final byte[] MIGRATION_API = migrationApi();

    private static byte[] migrationApi() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path own = Path.of(Migration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(own)) {
                try (java.util.stream.Stream<Path> classes = Files.walk(own.resolve("dev/autogen/migration"))) {
                    for (Path file :
                            classes.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(own.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(file));
                    }
                }
            } else {
                // A jar (the command line's holds PostgreSQL too, 100 MB): rebuilt, it has another time or size.
                java.nio.file.attribute.BasicFileAttributes jar =
                        Files.readAttributes(own, java.nio.file.attribute.BasicFileAttributes.class);
                sha.update(
                        (own + " " + jar.size() + " " + jar.lastModifiedTime().toInstant() + " " + jar.fileKey())
                                .getBytes(StandardCharsets.UTF_8));
            }
            return sha.digest();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // Nowhere to read them from: the version stands in for them.
            return dev.autogen.api.Version.current().getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
    private static String digest(Path root, List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(System.getProperty("java.version").getBytes(StandardCharsets.UTF_8));
            sha.update(classpath().getBytes(StandardCharsets.UTF_8));
            sha.update(MIGRATION_API);
            for (Path file : files) {
                sha.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
