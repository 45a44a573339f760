package dev.autogen.internal.discovery;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.migration.Migration;
import dev.autogen.migration.Revision;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Finds the classes annotated with {@link Revision} and makes revision-graph nodes of them. */
public final class MigrationLoader {

    private static final String REVISION = Revision.class.getName();

    private MigrationLoader() {}

    /**
     * The migrations whose sources lie below {@code sources}, compiled into {@code cacheRoot} (reused while
     * the sources stay the same). A missing directory holds no migrations.
     */
    public static List<RevisionNode> fromSources(Path sources, Path cacheRoot) {
        Path classes = SourceCompiler.compile(sources, cacheRoot);
        if (classes == null) {
            return List.of();
        }
        URLClassLoader loader =
                new URLClassLoader("autogen-migrations", new URL[] {url(classes)}, Migration.class.getClassLoader());
        return fromClassLoader(loader, List.of(classes), "", sources);
    }

    /** The migrations compiled into the jars and directories of {@code classpath}, such as an application jar. */
    public static List<RevisionNode> fromClasspath(List<Path> classpath, String packageName) {
        URL[] urls = classpath.stream().map(MigrationLoader::url).toArray(URL[]::new);
        URLClassLoader loader = new URLClassLoader("autogen-migrations", urls, Migration.class.getClassLoader());
        return fromClassLoader(loader, classpath, packageName, null);
    }

    /** The migrations an application's own class loader sees below {@code packageName}, for running at start-up. */
    public static List<RevisionNode> fromClassLoader(ClassLoader loader, String packageName) {
        return fromClassLoader(loader, null, packageName, null);
    }

    private static List<RevisionNode> fromClassLoader(
            ClassLoader loader, List<Path> classpath, String packageName, Path sources) {
        ClassGraph graph = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility();
        graph = classpath == null ? graph.overrideClassLoaders(loader) : graph.overrideClasspath(classpath);
        if (!packageName.isEmpty()) {
            graph.acceptPackages(packageName);
        }
        List<RevisionNode> nodes = new ArrayList<>();
        try (ScanResult scan = graph.scan()) {
            for (ClassInfo type : scan.getClassesImplementing(Migration.class.getName())) {
                if (!type.isAbstract() && !type.isInterface() && !type.hasAnnotation(REVISION)) {
                    String origin = sources == null
                            ? type.getName()
                            : sources.resolve(type.getName().replace('.', '/') + ".java")
                                    .toString();
                    throw new AutogenException(
                            ErrorCode.MIGRATION_INVALID,
                            origin + " implements Migration but has no @Revision, so it would never run",
                            "annotate it with @Revision(id = ..., revises = ..., message = ..., created = ...),"
                                    + " or make it abstract if it is a base for migrations");
                }
            }
            for (String name : scan.getClassesWithAnnotation(REVISION).getNames().stream()
                    .sorted()
                    .toList()) {
                nodes.add(node(load(name, loader), sources));
            }
        }
        return nodes;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    "migration " + name + " cannot be loaded: " + e,
                    "check that it compiles against this autogen version",
                    e);
        }
    }

    private static RevisionNode node(Class<?> type, Path sources) {
        String origin = sources == null
                ? type.getName()
                : sources.resolve(type.getName().replace('.', '/') + ".java").toString();
        if (!Migration.class.isAssignableFrom(type)) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    origin + " has @Revision but does not implement Migration",
                    "implement dev.autogen.migration.Migration");
        }
        Revision revision = type.getAnnotation(Revision.class);
        Migration migration;
        try {
            // Migrations are user classes found by scanning: a no-argument constructor is the contract.
            migration = (Migration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    origin + " cannot be instantiated: " + e,
                    "give it a public no-argument constructor",
                    e);
        }
        RevisionInfo info = new RevisionInfo(
                revision.id(),
                List.of(revision.revises()),
                List.of(revision.branchLabels()),
                List.of(revision.dependsOn()),
                revision.message(),
                created(revision, origin),
                List.of(revision.replaces()));
        return new RevisionNode(info, origin, migration);
    }

    private static Instant created(Revision revision, String origin) {
        try {
            return Instant.parse(revision.created());
        } catch (DateTimeParseException e) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INVALID,
                    origin + " has created = \"" + revision.created() + "\", which is not an ISO-8601 instant",
                    "write it like 2026-11-26T09:30:00Z");
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
