package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The migrations committed in sample-entities stay in step with its entities. */
@Tag("database")
class SampleMigrationsTest {

    private static final String CONFIG = Path.of("../sample-entities/autogen.properties")
            .toAbsolutePath()
            .normalize()
            .toString();

    @Test
    void upgradingAFreshDatabaseToHeadLeavesNothingForCheckToReport() {
        try (TestDatabase db = TestDatabase.create()) {
            String[] database = {
                "-c",
                CONFIG,
                "--url",
                db.settings().url(),
                "--user",
                db.settings().user()
            };

            assertThat(run("upgrade", "head", database)).startsWith("0 ").contains("Now at: ");
            String check = run("check", null, database);
            assertThat(check)
                    .as("regenerate sample-entities/migrations when the entities change")
                    .isEqualTo("0 No differences: the database matches the entities.\n");
            assertThat(run("downgrade", "base", database)).startsWith("0 ").contains("Now at: base");
        }
    }

    /** Runs the command in-process; returns its exit code, a space, and what it printed. */
    private static String run(String command, String argument, String[] options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] arguments = argument == null
                ? concat(new String[] {command}, options)
                : concat(new String[] {command, argument}, options);
        int code = Main.run(arguments, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return code + " " + out + err;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
