package dev.autogen.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.internal.operations.Recorder;
import dev.autogen.migration.Migration;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum of a migration with Java steps covers what they do: their compiled code, the same for the
 * same source whatever the debug flags, another for an edit of what runs.
 */
class JavaStepChecksumTest {

    private static final String SOURCE = """
            package steps;

            import dev.autogen.migration.DataStep;
            import dev.autogen.migration.Migration;
            import dev.autogen.migration.Operations;
            import dev.autogen.migration.Revision;
            import java.sql.Connection;
            import java.sql.SQLException;

            @Revision(id = "j1", message = "Backfill", created = "2026-12-07T10:00:00Z")
            public final class M1_Backfill implements Migration {
                @Override
                public void upgrade(Operations op) {
                    op.execute("alter table t add column status text", "alter table t drop column status");
                    // A lambda, a helper it calls, a concatenation and an anonymous class: all of it is code.
                    op.execute(connection -> fill(connection, "status", 'A' + "" + SUFFIX), new DataStep() {
                        @Override
                        public void run(Connection connection) throws SQLException {
                            connection.createStatement().execute("update t set status = null");
                        }
                    });
                }

                private static final String SUFFIX = "";

                private static void fill(Connection connection, String column, String value) throws SQLException {
                    connection.createStatement().execute("update t set " + column + " = '" + value + "'");
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void theSameSourceGivesTheSameChecksumWithOrWithoutDebugInformation() throws Exception {
        String all = checksum(SOURCE, "-g");
        assertThat(checksum(SOURCE, "-g:none")).isEqualTo(all);
        assertThat(checksum(SOURCE, "-g:source,lines")).isEqualTo(all);
        // Comments, blank lines and the revision's message are not code.
        assertThat(checksum(
                        SOURCE.replace("// A lambda", "\n\n        // Reformatted: a lambda")
                                .replace("message = \"Backfill\"", "message = \"Fill the status\""),
                        "-g"))
                .isEqualTo(all);
    }

    @Test
    void anEditOfWhatAStepDoesChangesTheChecksum() throws Exception {
        String applied = checksum(SOURCE, "-g");
        assertThat(checksum(SOURCE.replace("'A'", "'H'"), "-g"))
                .as("in the lambda's concatenation")
                .isNotEqualTo(applied);
        assertThat(checksum(SOURCE.replace("\" = '\"", "\" = upper('\""), "-g"))
                .as("in a helper the lambda calls")
                .isNotEqualTo(applied);
        assertThat(checksum(SOURCE.replace("set status = null", "set status = 'HACKED'"), "-g"))
                .as("in an anonymous step")
                .isNotEqualTo(applied);
    }

    @Test
    void aMigrationWithoutJavaStepsKeepsTheChecksumOfItsOperations() throws Exception {
        String plain = SOURCE.replaceAll("(?s)op\\.execute\\(connection.*?\\}\\);", "");
        assertThat(checksum(plain, "-g"))
                .isEqualTo(checksum(plain.replace("private static void fill", "static void fill"), "-g"));
    }

    private String checksum(String source, String debug) throws IOException, ReflectiveOperationException {
        Path root = Files.createTempDirectory(work, "build");
        Path file = root.resolve("src/steps/M1_Backfill.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(root.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of(
                debug, "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), file.toString()));
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
                .isZero();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, Migration.class.getClassLoader())) {
            Migration migration = (Migration)
                    loader.loadClass("steps.M1_Backfill").getConstructor().newInstance();
            return Step.checksum(migration, Recorder.upgrade(migration, "public"), "public");
        }
    }
}
