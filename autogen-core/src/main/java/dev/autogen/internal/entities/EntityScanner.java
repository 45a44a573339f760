package dev.autogen.internal.entities;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the classes Hibernate must be given, by annotation name, without loading them. */
final class EntityScanner {

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String CONVERTER = "jakarta.persistence.Converter";

    private EntityScanner() {}

    /** Names of the entity classes, then of the attribute converters, each sorted so boots are repeatable. */
    static List<String> scan(List<Path> classpath, List<String> packages) {
        ClassGraph graph = new ClassGraph()
                .overrideClasspath(classpath)
                .enableAnnotationInfo()
                .ignoreClassVisibility();
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        try (ScanResult scan = graph.scan()) {
            List<String> entities = scan.getClassesWithAnnotation(ENTITY).getNames().stream()
                    .sorted()
                    .toList();
            if (entities.isEmpty()) {
                throw new AutogenException(
                        ErrorCode.NO_ENTITIES,
                        "no @Entity classes found in " + classpath
                                + (packages.isEmpty() ? "" : " under packages " + packages),
                        "point entities.classpath at your compiled classes and check entities.packages");
            }
            List<String> names = new ArrayList<>(entities);
            scan.getClassesWithAnnotation(CONVERTER).getNames().stream()
                    .sorted()
                    .forEach(names::add);
            return names;
        }
    }
}
