package dev.autogen.api;

import java.nio.file.Path;
import java.util.Objects;

/** Where the migrations are. */
public sealed interface Migrations {

    /** Sources below {@code directory}, compiled in-process into {@code cache} (reused while unchanged). */
    static Migrations fromSources(Path directory, Path cache) {
        return new FromSources(directory, cache);
    }

    /** Compiled migrations that {@code loader} sees below {@code packageName}: an application's own jar. */
    static Migrations fromClassLoader(ClassLoader loader, String packageName) {
        return new FromClassLoader(loader, packageName);
    }

    record FromSources(Path directory, Path cache) implements Migrations {
        public FromSources {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(cache, "cache");
        }
    }

    record FromClassLoader(ClassLoader loader, String packageName) implements Migrations {
        public FromClassLoader {
            Objects.requireNonNull(loader, "loader");
            Objects.requireNonNull(packageName, "packageName");
        }
    }
}
