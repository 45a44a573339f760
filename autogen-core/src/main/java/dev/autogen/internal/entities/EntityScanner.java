package dev.autogen.internal.entities;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import io.github.classgraph.AnnotationClassRef;
import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationParameterValueList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the classes Hibernate must be given, by annotation name, without loading them: those the
 * application's own Hibernate would map. That is the packages {@code entities.packages} names; else, when
 * the classpath holds a Spring Boot application, the packages Spring scans (the application's, or those
 * its {@code @EntityScan} names); else every entity on it but Hibernate's own, which an application maps
 * only by naming them.
 */
final class EntityScanner {

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String CONVERTER = "jakarta.persistence.Converter";
    private static final String SPRING_BOOT_APPLICATION =
            "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final List<String> ENTITY_SCAN = List.of(
            "org.springframework.boot.autoconfigure.domain.EntityScan",
            "org.springframework.boot.persistence.autoconfigure.EntityScan");
    /** Entities that ship inside Hibernate (its changelog tables) are opt-in: never picked up by scanning. */
    private static final String HIBERNATES_OWN = "org.hibernate";

    private EntityScanner() {}

    /** Names of the entity classes, then of the attribute converters, each sorted so boots are repeatable. */
    static List<String> scan(List<Path> classpath, List<String> packages) {
        List<String> scope = packages.isEmpty() ? springPackages(classpath) : packages;
        ClassGraph graph = new ClassGraph()
                .overrideClasspath(classpath)
                .enableAnnotationInfo()
                .ignoreClassVisibility();
        if (!scope.isEmpty()) {
            graph.acceptPackages(scope.toArray(String[]::new));
        } else {
            graph.rejectPackages(HIBERNATES_OWN);
        }
        try (ScanResult scan = graph.scan()) {
            requireReadable(scan);
            List<String> entities = scan.getClassesWithAnnotation(ENTITY).getNames().stream()
                    .sorted()
                    .toList();
            if (entities.isEmpty()) {
                throw new AutogenException(
                        ErrorCode.NO_ENTITIES,
                        "no @Entity classes found in " + classpath
                                + (scope.isEmpty() ? "" : " under packages " + scope),
                        "point entities.classpath at your compiled classes and check entities.packages");
            }
            for (String name : packages) {
                boolean found = scan.getAllClasses().stream()
                        .anyMatch(c -> c.getPackageName().equals(name)
                                || c.getPackageName().startsWith(name + "."));
                if (!found) {
                    throw new AutogenException(
                            ErrorCode.NO_ENTITIES,
                            "entities.packages names '" + name + "', which holds no class on " + classpath,
                            "fix the package name, or add what holds it to entities.classpath");
                }
            }
            List<String> names = new ArrayList<>(entities);
            scan.getClassesWithAnnotation(CONVERTER).getNames().stream()
                    .sorted()
                    .forEach(names::add);
            return names;
        }
    }

    /**
     * Every class file in scope was read, and runs on this Java: one that was skipped could be an entity,
     * and an entity missing from the model becomes a planned {@code drop table}.
     */
    private static void requireReadable(ScanResult scan) {
        Set<String> read = new HashSet<>();
        for (ClassInfo type : scan.getAllClasses()) {
            read.add(type.getName());
            if (type.getClassfileMajorVersion() > RUNNING_MAJOR) {
                throw unreadable(
                        type.getClasspathElementFile() + " (" + type.getName() + ")",
                        "it was compiled for Java " + (type.getClassfileMajorVersion() - 44) + ", newer than this Java "
                                + Runtime.version().feature());
            }
        }
        for (Resource file : scan.getResourcesWithExtension("class")) {
            String path = file.getPath();
            String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
            if (path.startsWith("META-INF/") || name.endsWith("module-info") || name.endsWith("package-info")) {
                continue;
            }
            if (!read.contains(name)) {
                throw unreadable(
                        file.getClasspathElementFile()
                                + (file.getClasspathElementFile().isDirectory() ? "/" : "!/")
                                + path,
                        whyUnreadable(file));
            }
        }
    }

    /** What the first bytes of a class file say of why it could not be read. */
    private static String whyUnreadable(Resource file) {
        byte[] bytes;
        try {
            bytes = file.load();
        } catch (java.io.IOException e) {
            return "reading it failed: " + e.getMessage();
        }
        if (bytes.length < 10
                || (bytes[0] & 0xff) != 0xca
                || (bytes[1] & 0xff) != 0xfe
                || (bytes[2] & 0xff) != 0xba
                || (bytes[3] & 0xff) != 0xbe) {
            return "it is not a class file (" + bytes.length + " bytes, truncated or damaged)";
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        if (major > RUNNING_MAJOR) {
            return "it was compiled for Java " + (major - 44) + ", newer than this Java "
                    + Runtime.version().feature();
        }
        return "it is truncated or damaged (" + bytes.length + " bytes)";
    }

    private static AutogenException unreadable(String file, String why) {
        return new AutogenException(
                ErrorCode.CLASSPATH_ENTRY_MISSING,
                "the entity classpath holds " + file + ", which cannot be read: " + why,
                "rebuild the classes with the Java that runs autogen (or an older one); nothing was compared");
    }

    /** The class file version this Java runs: 61 for Java 17. */
    private static final int RUNNING_MAJOR = Runtime.version().feature() + 44;

    /**
     * The packages a Spring Boot application on the classpath has JPA scan: those its {@code @EntityScan}
     * names, else the application class's own package (and below). Empty when there is no such application.
     */
    private static List<String> springPackages(List<Path> classpath) {
        TreeSet<String> packages = new TreeSet<>();
        ClassGraph graph = new ClassGraph()
                .overrideClasspath(classpath)
                .enableAnnotationInfo()
                .ignoreClassVisibility();
        try (ScanResult scan = graph.scan()) {
            for (ClassInfo application : scan.getClassesWithAnnotation(SPRING_BOOT_APPLICATION)) {
                List<String> named = new ArrayList<>();
                for (String annotation : ENTITY_SCAN) {
                    AnnotationInfo entityScan = application.getAnnotationInfo(annotation);
                    if (entityScan != null) {
                        named.addAll(entityScanPackages(entityScan.getParameterValues()));
                    }
                }
                packages.addAll(named.isEmpty() ? List.of(application.getPackageName()) : named);
            }
        }
        return List.copyOf(packages);
    }

    private static List<String> entityScanPackages(AnnotationParameterValueList values) {
        List<String> packages = new ArrayList<>();
        for (String name : List.of("value", "basePackages")) {
            if (values.get(name) != null && values.get(name).getValue() instanceof Object[] array) {
                for (Object value : array) {
                    packages.add(String.valueOf(value));
                }
            }
        }
        if (values.get("basePackageClasses") != null
                && values.get("basePackageClasses").getValue() instanceof Object[] array) {
            for (Object value : array) {
                if (value instanceof AnnotationClassRef type) {
                    String name = type.getName();
                    packages.add(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "");
                }
            }
        }
        return packages;
    }
}
