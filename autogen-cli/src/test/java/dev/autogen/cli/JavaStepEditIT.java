package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import dev.autogen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit inside a Java data step of an applied migration is refused as an SQL edit is, and accepted the
 * same way ({@code stamp}).
 */
class JavaStepEditIT {

    private static final String MIGRATION = """
            package steps;

            import dev.autogen.migration.Migration;
            import dev.autogen.migration.Operations;
            import dev.autogen.migration.Revision;

            @Revision(id = "j1", message = "Grades", created = "2026-12-07T10:00:00Z")
            public final class M1_Grades implements Migration {
                @Override
                public void upgrade(Operations op) {
                    op.execute("create table grade (id integer primary key, mark text)", "drop table grade");
                    op.execute(connection -> connection.createStatement().execute(
                            "insert into grade values (1, 'A')"));
                }
            }
            """;

    @TempDir
    Path project;

    @Test
    void anEditedJavaStepIsRefusedUntilStamped() throws Exception {
        Path file = project.resolve("migrations/steps/M1_Grades.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, MIGRATION);
        try (TestDatabase db = TestDatabase.create()) {
            Files.writeString(
                    project.resolve(Configuration.FILE_NAME),
                    "migrations.dir = migrations\nmigrations.package = steps\n");
            Cli cli = Cli.on(project, db);
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));

            // Reformatting is not an edit.
            Files.writeString(file, MIGRATION.replace("op.execute(connection", "\n\n        op.execute(connection"));
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));

            Files.writeString(file, MIGRATION.replace("'A'", "'HACKED'"));
            Cli.Result refused = cli.run("downgrade", "base");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("error: revision j1 (")
                    .contains(") was edited after it was applied: its operations differ from those that ran")
                    .contains("'autogen stamp j1' records the edit");
            assertThat(db.query("select mark from grade")).containsExactly("A");

            WorkflowIT.assertSuccess(cli.run("stamp", "j1"));
            WorkflowIT.assertSuccess(cli.run("downgrade", "base"));
        }
    }
}
