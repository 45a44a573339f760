package dev.autogen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Migrations written by hand into a source directory, as a user writes one: an id, its parent, the upgrade's calls. */
public final class MigrationSources {

    private MigrationSources() {}

    /**
     * Writes {@code M_<id>.java} in package {@code pkg} below {@code root}, revising {@code revises} ({@code null}
     * for a first revision), its upgrade {@code body} (calls on {@code op}, the migration API's definitions
     * imported).
     */
    public static void write(Path root, String pkg, String id, String revises, String body) {
        Path file = root.resolve(pkg.replace('.', '/')).resolve("M_" + id + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    package %s;

                    import static dev.autogen.migration.Definitions.*;

                    import dev.autogen.migration.Migration;
                    import dev.autogen.migration.Operations;
                    import dev.autogen.migration.Revision;

                    @Revision(id = "%s"%s, message = "%s", created = "2026-12-07T10:00:00Z")
                    public final class M_%s implements Migration {
                        @Override
                        public void upgrade(Operations op) {
                            %s
                        }
                    }
                    """.formatted(
                            pkg, id, revises == null ? "" : ", revises = \"" + revises + "\"", id, id, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
