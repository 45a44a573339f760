package dev.autogen.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where to find entities and how Hibernate should map them.
 *
 * @param classpath directories, jars, and {@code dir/*} (every jar in {@code dir})
 * @param packages packages to look in (and below); empty for all
 * @param defaultSchema the schema that tables without an explicit schema live in
 * @param settings extra Hibernate settings ({@code hibernate.*}, {@code jakarta.persistence.*}), as an
 *     application would set them
 */
public record EntitySource(
        List<String> classpath,
        List<String> packages,
        Naming naming,
        String defaultSchema,
        Map<String, String> settings) {

    public EntitySource {
        classpath = List.copyOf(classpath);
        packages = List.copyOf(packages);
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(defaultSchema, "defaultSchema");
        settings = Map.copyOf(settings);
    }

    /** Every entity on {@code classpath}, Hibernate's naming, schema {@code public}. */
    public static EntitySource of(List<String> classpath) {
        return new EntitySource(classpath, List.of(), Naming.HIBERNATE, "public", Map.of());
    }

    public EntitySource withPackages(List<String> newPackages) {
        return new EntitySource(classpath, newPackages, naming, defaultSchema, settings);
    }

    public EntitySource withNaming(Naming newNaming) {
        return new EntitySource(classpath, packages, newNaming, defaultSchema, settings);
    }

    /** The schema an entity's table is in when it names none (on MariaDB, the database). */
    public EntitySource withDefaultSchema(String schema) {
        return new EntitySource(classpath, packages, naming, schema, settings);
    }
}
