package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, run through the real jar: each gets one line on stderr naming the problem and the fix, its
 * exit code, no stack trace and no password, and changes neither a file nor the database.
 */
class ErrorsIT {

    private static final String SECRET = "s3cret-Pa55";

    @TempDir
    static Path project;

    private static TestDatabase db;
    private static Cli cli;

    @BeforeAll
    static void projectAtItsFirstRevision() {
        db = TestDatabase.create();
        EntityVersions.compile(project.resolve("build/v1"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        cli = new Cli(project, Map.of("AUTOGEN_URL", db.settings().url(), "AUTOGEN_USER", db.settings().user()));
        WorkflowIT.assertSuccess(cli.run("init"));
        Properties.set(project, "entities.classpath", "build/v1");
        WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "first", "--rev-id", "00a1"));
        WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void unknownCommand() {
        expect(2, "error: unknown command or argument 'frobnicate' (see 'autogen --help')", "frobnicate");
    }

    @Test
    void unknownOption() {
        expect(2, "error: unknown option '--fast' (see 'autogen --help')", "upgrade", "--fast", "head");
    }

    @Test
    void missingArgumentDoesNotEchoThePassword() {
        expect(2, "error: Missing required parameter: 'TARGET'", "upgrade", "--password", SECRET);
    }

    @Test
    void missingConfig() {
        expect(1, "error: no configuration file /nowhere/autogen.properties (run 'autogen init' here, or pass -c FILE)",
                "current", "-c", "/nowhere/autogen.properties");
    }

    @Test
    void unknownConfigKeyNamesTheNearestOne() throws IOException {
        Path config = project.resolve("typo.properties");
        Files.writeString(config, "urll = embedded\n");
        try {
            expect(1, "error: " + config + " has an unknown key 'urll' (did you mean 'url'?", "current", "-c", config.toString());
        } finally {
            Files.delete(config);
        }
    }

    @Test
    void missingClasspathEntry() {
        withProperty("entities.classpath", "build/nope", () ->
                expect(1, "error: classpath entry '" + project.resolve("build/nope") + "' does not exist", "check"));
    }

    @Test
    void noEntities() throws IOException {
        Files.createDirectories(project.resolve("build/empty"));
        withProperty("entities.classpath", "build/empty", () ->
                expect(1, "error: no @Entity classes found in [" + project.resolve("build/empty") + "]", "revision", "--autogenerate", "-m", "x"));
    }

    @Test
    void unreachableDatabase() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        expect(1, "error: cannot reach the database at jdbc:postgresql://127.0.0.1:" + closed + "/app?password=***",
                "current", "--url", "jdbc:postgresql://127.0.0.1:" + closed + "/app?password=" + SECRET);
    }

    @Test
    void wrongPassword() {
        String role = db.name() + "_app";
        db.execute("create role " + role + " login password 'the-right-one'");
        try {
            expect(1, "error: the database at " + db.settings().url() + " refused user '" + role + "' (check user and password",
                    "current", "--user", role, "--password", SECRET);
        } finally {
            db.execute("drop role " + role);
        }
    }

    @Test
    void unknownRevision() {
        expect(1, "error: no revision matches 'zzzz' ('history' lists the revisions", "upgrade", "zzzz");
    }

    @Test
    void ambiguousRevision() throws IOException {
        withSecondHead("00a2", () -> expect(1, "error: '00a' matches 2 revisions: 00a1, 00a2 (give more characters of the id)", "upgrade", "00a"));
    }

    @Test
    void headWithSeveralHeads() throws IOException {
        withSecondHead("00b2", () -> expect(1, "error: there are 2 heads: 00a1, 00b2 (name one of them, use 'heads' for all", "upgrade", "head"));
    }

    @Test
    void autogenerateWhileTheDatabaseIsBehind() {
        WorkflowIT.assertSuccess(cli.run("downgrade", "base"));
        try {
            expect(1, "error: the database is at base, not at 00a1 (run 'autogen upgrade head' first", "revision", "--autogenerate", "-m", "x");
        } finally {
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
        }
    }

    @Test
    void migrationSourceThatDoesNotCompile() throws IOException {
        Path broken = project.resolve("migrations/migrations/Broken.java");
        Files.writeString(broken, "package migrations;\n\nclass Broken {\n    int x = ;\n}\n");
        try {
            expect(1, "error: migration source " + broken + ":4 does not compile: illegal start of expression (fix the file; nothing was run)",
                    "upgrade", "head");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void existingFileIsNotOverwritten() {
        expect(1, "error: ./autogen.properties exists already; nothing was changed", "init");
    }

    private static void expect(int exitCode, String errorStart, String... arguments) {
        List<String> files = Snapshot.files(project);
        List<String> database = databaseSnapshot();

        Cli.Result result = cli.run(arguments);

        WorkflowIT.assertFailure(result, exitCode, errorStart);
        assertThat(result.out() + result.err()).as("output never shows a password").doesNotContain(SECRET);
        assertThat(Snapshot.files(project)).as("files after '%s'", String.join(" ", arguments)).isEqualTo(files);
        assertThat(databaseSnapshot()).as("database after '%s'", String.join(" ", arguments)).isEqualTo(database);
    }

    private static List<String> databaseSnapshot() {
        try (Connection connection = db.connect()) {
            return Snapshot.database(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void withProperty(String key, String value, Runnable test) {
        Path config = project.resolve(Config.FILE_NAME);
        try {
            String before = Files.readString(config);
            Properties.set(project, key, value);
            try {
                test.run();
            } finally {
                Files.writeString(config, before);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void withSecondHead(String id, Runnable test) throws IOException {
        WorkflowIT.assertSuccess(cli.run("revision", "-m", "beside", "--head", "base", "--rev-id", id));
        Path file;
        try (var walk = Files.walk(project.resolve("migrations"))) {
            file = walk.filter(p -> p.getFileName().toString().endsWith("_Beside.java")).findFirst().orElseThrow();
        }
        try {
            test.run();
        } finally {
            Files.delete(file);
        }
    }
}
