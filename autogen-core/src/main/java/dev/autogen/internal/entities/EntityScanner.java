package dev.autogen.internal.entities;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import io.github.classgraph.AnnotationClassRef;
import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationParameterValueList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
