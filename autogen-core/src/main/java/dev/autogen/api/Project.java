package dev.autogen.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A project's migrations as sources, and its entities: what {@code revision}, {@code merge} and
 * {@code check} need beyond running migrations.
 *
 * @param migrationsDir the source root migrations are written below, in {@code migrationsPackage}
 * @param cacheDir where compiled migrations and entity models are kept between runs
 * @param entities the entities, or {@code null} when only hand-written revisions are made
 */
public record Project(Path migrationsDir, String migrationsPackage, Path cacheDir, EntitySource entities) {

    public Project {
        Objects.requireNonNull(migrationsDir, "migrationsDir");
        Objects.requireNonNull(migrationsPackage, "migrationsPackage");
        Objects.requireNonNull(cacheDir, "cacheDir");
        // Empty: the project writes no migrations of its own (an application that runs compiled ones).
        if (!migrationsPackage.isEmpty() && !javax.lang.model.SourceVersion.isName(migrationsPackage)) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "the migrations package '" + migrationsPackage + "' is not a Java package name",
                    "use letters, digits and underscores between the dots, like com.example.migrations");
        }
    }

    public Migrations migrations() {
        return Migrations.fromSources(migrationsDir, cacheDir);
    }

    public Project withEntities(EntitySource newEntities) {
        return new Project(migrationsDir, migrationsPackage, cacheDir, newEntities);
    }
}
