package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embedded.version} picks the embedded server's PostgreSQL, and a data directory keeps its own. */
class EmbeddedVersionIT {

    @TempDir
    Path project;

    @Test
    void theEmbeddedServerRunsTheVersionAskedAndRefusesADirectoryOfAnother() throws IOException {
        Path migration = project.resolve("migrations/versions/M1_Notes.java");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, """
                package versions;

                import static dev.autogen.migration.Definitions.column;
                import static dev.autogen.migration.Definitions.name;
                import static dev.autogen.migration.Definitions.table;

                import dev.autogen.migration.Migration;
                import dev.autogen.migration.Operations;
                import dev.autogen.migration.Revision;

                @Revision(id = "notes1", message = "Notes", created = "2026-12-07T10:00:00Z")
                public final class M1_Notes implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.createTable(table(name("note")).column(column("id", "bigint").notNull()));
                    }
                }
                """);
        Cli cli = new Cli(project, Map.of());

        configure("16");
        Cli.Result upgrade = cli.run("upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(Files.readString(project.resolve(".autogen/pgdata/PG_VERSION"))
                        .strip())
                .as("the data directory PostgreSQL 16 made")
                .isEqualTo("16");

        configure("17");
        Cli.Result other = cli.run("current");
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(1);
        assertThat(other.err())
                .contains("was made by PostgreSQL 16, and embedded.version asks for 17")
                .contains("set embedded.version = 16");

        configure("9.6");
        Cli.Result wrong = cli.run("current");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.err()).contains("embedded.version = 9.6 is not a PostgreSQL version");

        configure(null);
        Cli.Result again = cli.run("current");
        assertThat(again.exitCode())
                .as("not set: the version that made the directory " + again)
                .isZero();
        assertThat(again.out()).contains("notes1 (head)");
    }

    private void configure(String version) throws IOException {
        Files.writeString(
                project.resolve(Configuration.FILE_NAME),
                "url = embedded\n" + (version == null ? "" : "embedded.version = " + version + "\n")
                        + "migrations.dir = migrations\nmigrations.package = versions\n");
    }
}
