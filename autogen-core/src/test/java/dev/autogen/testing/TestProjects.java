package dev.autogen.testing;

import dev.autogen.Autogen;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Project;
import dev.autogen.api.Settings;
import java.nio.file.Path;

/** autogen on a project of its own in a directory: migrations in package {@code migrations}, a cache beside. */
public final class TestProjects {

    private TestProjects() {}

    public static Autogen autogen(Path directory, TestDatabase db, EntitySource entities) {
        Project project =
                new Project(directory.resolve("migrations"), "migrations", directory.resolve("cache"), entities);
        return Autogen.forProject(Settings.of(db.settings()), project);
    }

    /** The same on MariaDB, where the entities' tables are in the test's database. */
    public static Autogen autogen(Path directory, TestMariaDb db, EntitySource entities) {
        Project project = new Project(
                directory.resolve("migrations"),
                "migrations",
                directory.resolve("cache"),
                entities.withDefaultSchema(db.name()));
        return Autogen.forProject(Settings.of(db.settings()), project);
    }
}
