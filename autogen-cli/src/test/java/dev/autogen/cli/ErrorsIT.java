package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
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
        cli = Cli.on(project, db);
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
        expect(
                1,
                "error: no configuration file /nowhere/autogen.properties (run 'autogen init' here, or pass -c FILE)",
                "current",
                "-c",
                "/nowhere/autogen.properties");
    }

    @Test
    void unknownConfigKeyNamesTheNearestOne() throws IOException {
        Path config = project.resolve("typo.properties");
        Files.writeString(config, "urll = embedded\n");
        try {
            expect(
                    1,
                    "error: " + config + " has an unknown key 'urll' (did you mean 'url'?",
                    "current",
                    "-c",
                    config.toString());
        } finally {
            Files.delete(config);
        }
    }

    @Test
    void missingClasspathEntry() {
        withProperty(
                "entities.classpath",
                "build/nope",
                () -> expect(
                        1, "error: classpath entry '" + project.resolve("build/nope") + "' does not exist", "check"));
    }

    @Test
    void noEntities() throws IOException {
        Files.createDirectories(project.resolve("build/empty"));
        withProperty(
                "entities.classpath",
                "build/empty",
                () -> expect(
                        1,
                        "error: no @Entity classes found in [" + project.resolve("build/empty") + "]",
                        "revision",
                        "--autogenerate",
                        "-m",
                        "x"));
    }

    @Test
    void aTruncatedClassFileIsNamedRatherThanItsTableDropped() throws IOException {
        Path broken = copyOfV1("build/truncated");
        Path customer = broken.resolve("com/example/shop/Customer.class");
        byte[] bytes = Files.readAllBytes(customer);
        Files.write(customer, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        withProperty(
                "entities.classpath",
                "build/truncated",
                () -> expect(
                        1,
                        "error: the entity classpath holds " + customer + ", which cannot be read: it is truncated or"
                                + " damaged (",
                        "revision",
                        "--autogenerate",
                        "-m",
                        "x"));
    }

    @Test
    void aClassFileForANewerJavaIsNamed() throws IOException {
        Path newer = copyOfV1("build/newer");
        Path customer = newer.resolve("com/example/shop/Customer.class");
        byte[] bytes = Files.readAllBytes(customer);
        bytes[6] = 0;
        bytes[7] = (byte) (Runtime.version().feature() + 44 + 9);
        Files.write(customer, bytes);
        withProperty(
                "entities.classpath",
                "build/newer",
                () -> expectContaining(
                        1,
                        "error: the entity classpath holds ",
                        "which cannot be read: it was compiled for Java "
                                + (Runtime.version().feature() + 9) + ", newer than this Java "
                                + Runtime.version().feature(),
                        "check"));
    }

    @Test
    void aClasspathGlobOverAnEmptyDirectoryIsAnError() throws IOException {
        Files.createDirectories(project.resolve("build/nothing"));
        withProperty(
                "entities.classpath",
                "build/nothing/*",
                () -> expectContaining(1, "error: ", "build/nothing", "check"));
    }

    private static Path copyOfV1(String name) throws IOException {
        Path copy = project.resolve(name);
        try (var files = Files.walk(project.resolve("build/v1"))) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(
                        project.resolve("build/v1").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    @Test
    void unreachableDatabase() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        expect(
                1,
                "error: cannot reach the database at jdbc:postgresql://127.0.0.1:" + closed + "/app?password=***",
                "current",
                "--url",
                "jdbc:postgresql://127.0.0.1:" + closed + "/app?password=" + SECRET);
    }

    @Test
    void aPasswordThatIsACommonWordOrALetterIsMaskedWhereItStandsOnly() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        for (String password : List.of("e", "postgres", "database")) {
            Cli.Result result = cli.run(
                    "current", "--url", "jdbc:postgresql://127.0.0.1:" + closed + "/app", "--password", password);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err())
                    .as("with password '%s'", password)
                    .contains("error: cannot reach the database at jdbc:postgresql://127.0.0.1:" + closed + "/app")
                    .doesNotContain("***");
        }
        Cli.Result url = cli.run("psql", "--print-url", "--password", "postgres");
        assertThat(url.out()).as(url.toString()).contains("jdbc:postgresql://").doesNotContain("***ql");
    }

    @Test
    void wrongPassword() {
        String role = db.name() + "_app";
        db.execute("create role " + role + " login password 'the-right-one'");
        try {
            expect(
                    1,
                    "error: the database at " + db.settings().url() + " refused user '" + role
                            + "' (check user and password",
                    "current",
                    "--user",
                    role,
                    "--password",
                    SECRET);
        } finally {
            db.execute("drop role " + role);
        }
    }

    @Test
    void noPasswordWhereTheServerAsksForOne() {
        String role = db.name() + "_nopass";
        db.execute("create role " + role + " login password 'the-right-one'");
        try {
            expect(
                    1,
                    "error: the database at " + db.settings().url() + " asked user '" + role
                            + "' for a password, and none was given (give it in AUTOGEN_PASSWORD, password.file or"
                            + " ~/.pgpass)",
                    "current",
                    "--user",
                    role);
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
        withSecondHead(
                "00a2",
                () -> expect(
                        1,
                        "error: '00a' matches 2 revisions: 00a1, 00a2 (give more characters of the id)",
                        "upgrade",
                        "00a"));
    }

    @Test
    void headWithSeveralHeads() throws IOException {
        withSecondHead(
                "00b2",
                () -> expect(
                        1,
                        "error: there are 2 heads: 00a1, 00b2 (name one of them, use 'heads' for all",
                        "upgrade",
                        "head"));
    }

    @Test
    void autogenerateWhileTheDatabaseIsBehind() {
        WorkflowIT.assertSuccess(cli.run("downgrade", "base"));
        try {
            expect(
                    1,
                    "error: the database is at base, not at 00a1 (run 'autogen upgrade head' first",
                    "revision",
                    "--autogenerate",
                    "-m",
                    "x");
        } finally {
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
        }
    }

    @Test
    void migrationSourceThatDoesNotCompile() throws IOException {
        Path broken = project.resolve("migrations/migrations/Broken.java");
        Files.writeString(broken, "package migrations;\n\nclass Broken {\n    int x = ;\n}\n");
        try {
            expect(
                    1,
                    "error: migration source " + broken
                            + ":4 does not compile: illegal start of expression (fix the file; nothing was run)",
                    "upgrade",
                    "head");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void aMigrationWithoutRevisionIsNamedRatherThanPassedOver() throws IOException {
        Path forgotten = project.resolve("migrations/migrations/Forgotten.java");
        Files.writeString(forgotten, """
                package migrations;

                public final class Forgotten implements dev.autogen.migration.Migration {
                    @Override
                    public void upgrade(dev.autogen.migration.Operations op) {
                        op.execute("create table forgotten (id int)", "drop table forgotten");
                    }
                }
                """);
        try {
            expect(
                    1,
                    "error: " + forgotten + " implements Migration but has no @Revision, so it would never run",
                    "upgrade",
                    "head");
        } finally {
            Files.delete(forgotten);
        }
    }

    @Test
    void aMigrationsPackageThatIsNoJavaPackageIsRefusedAtOnce() {
        withProperty(
                "migrations.package",
                "my-app.migrations",
                () -> expectContaining(
                        1,
                        "error: migrations.package = my-app.migrations in ",
                        "autogen.properties is not a Java package name (use letters, digits and underscores",
                        "current"));
    }

    @Test
    void existingFileIsNotOverwritten() {
        expect(1, "error: ./autogen.properties exists already; nothing was changed", "init");
    }

    @Test
    void versionTableNamingARevisionThatNoLongerExists() {
        db.execute("update autogen_version set version_num = 'gone01'");
        try {
            expect(
                    1,
                    "error: public.autogen_version says the database is at revision gone01, which no migration has "
                            + "(restore that migration, or 'stamp' the revision the schema really is at)",
                    "upgrade",
                    "head");
        } finally {
            db.execute("update autogen_version set version_num = '00a1'");
        }
    }

    @Test
    void migrationEditedAfterItWasApplied() throws IOException {
        Path file = firstMigration();
        String original = Files.readString(file);
        Files.writeString(file, original.replace("character varying(100)", "character varying(120)"));
        try {
            expect(
                    1,
                    "error: revision 00a1 (" + project.resolve("migrations") + "/migrations/" + file.getFileName()
                            + ") was edited after it was applied",
                    "downgrade",
                    "base");
        } finally {
            Files.writeString(file, original);
        }
    }

    @Test
    void truncatedMigrationSource() throws IOException {
        Path file = firstMigration();
        String original = Files.readString(file);
        Files.writeString(file, original.substring(0, original.length() / 2));
        try {
            expect(1, "error: migration source " + file + ":", "upgrade", "head");
        } finally {
            Files.writeString(file, original);
        }
    }

    @Test
    void readOnlyUser() {
        String role = db.name() + "_ro";
        db.execute(
                "create role " + role + " login password 'ro-pass'",
                "grant select on all tables in schema public to " + role);
        try {
            expectContaining(
                    1,
                    "error: ",
                    "(connect as a user that may change the schema",
                    "downgrade",
                    "base",
                    "--user",
                    role,
                    "--password",
                    "ro-pass");
        } finally {
            db.execute("drop owned by " + role, "drop role " + role);
        }
    }

    @Test
    void lockHeldByAnotherSessionPastTheWait() throws Exception {
        try (Connection holder = db.connect();
                java.sql.Statement statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('autogen:public.autogen_version'))");
            withProperty(
                    "lock.wait",
                    "1s",
                    () -> expect(
                            1,
                            "error: another session holds the migration lock public.autogen_version for more than 1 s: pid ",
                            "upgrade",
                            "head"));
        }
    }

    @Test
    void twoMigrationsWithTheSameId() throws IOException {
        withSource(
                "Copy",
                "00a1",
                "",
                () -> expectContaining(
                        1, "error: revision id 00a1 is used by ", "(give one of them a new id)", "upgrade", "head"));
    }

    @Test
    void aCycleInTheGraph() throws IOException {
        withSource(
                "CycleOne",
                "0c01",
                "0c02",
                () -> withSourceUnchecked(
                        "CycleTwo",
                        "0c02",
                        "0c01",
                        () -> expect(
                                1,
                                "error: the revisions form a cycle: 0c01 -> 0c02 -> 0c01 (fix the 'revises' of one of these migrations)",
                                "heads")));
    }

    @Test
    void aMissingParent() throws IOException {
        withSource(
                "Orphan",
                "0e01",
                "0ff",
                () -> expect(
                        1,
                        "error: revision 0e01 revises or depends on 0ff, which does not exist (restore the missing migration",
                        "history"));
    }

    @Test
    void aClassWithRevisionThatIsNoMigration() throws IOException {
        Path file = project.resolve("migrations/migrations/NotAMigration.java");
        Files.writeString(
                file,
                "package migrations;\n\n@dev.autogen.migration.Revision(id = \"0n01\", message = \"m\", created = \"2026-01-01T00:00:00Z\")\n"
                        + "public class NotAMigration {\n}\n");
        try {
            expectContaining(
                    1, "error: ", "NotAMigration.java has @Revision but does not implement Migration", "heads");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aSchemaThatDoesNotExist() {
        expect(
                1,
                "error: schema 'nope' does not exist in the database (create it (create schema nope) or set 'schema'",
                "check",
                "--schema",
                "nope");
    }

    @Test
    void aUrlOfADatabaseAutogenDoesNotSupport() {
        expect(
                1,
                "error: url 'jdbc:mysql://db/app' is a MySQL URL, and MySQL is not supported (nothing is tested on it)"
                        + " (for MariaDB use jdbc:mariadb://HOST:PORT/DATABASE)",
                "current",
                "--url",
                "jdbc:mysql://db/app");
        expect(
                1,
                "error: url 'jdbc:oracle:thin:@db:1521/app' is not a PostgreSQL or MariaDB JDBC URL (use"
                        + " jdbc:postgresql://HOST:PORT/DATABASE or jdbc:mariadb://HOST:PORT/DATABASE)",
                "current",
                "--url",
                "jdbc:oracle:thin:@db:1521/app");
    }

    @Test
    void anUnknownNaming() {
        withProperty(
                "naming",
                "snake",
                () -> expect(1, "error: naming 'snake' is not 'hibernate', 'spring', or a physical", "check"));
    }

    @Test
    void aLockWaitThatIsNoDuration() {
        withProperty("lock.wait", "soon", () -> expect(1, "error: lock.wait = soon in ", "upgrade", "head"));
    }

    @Test
    void aRevisionIdWithSpaces() {
        expect(
                1,
                "error: revision id 'a b' is not 1 to 64 letters, digits and _",
                "revision",
                "-m",
                "x",
                "--rev-id",
                "a b");
    }

    @Test
    void aRevisionIdThatIsTaken() {
        expectContaining(
                1,
                "error: revision id 00a1 is taken by ",
                "(choose another --rev-id)",
                "revision",
                "-m",
                "x",
                "--rev-id",
                "00a1");
    }

    @Test
    void downgradeToARevisionNotApplied() throws IOException {
        withSecondHead(
                "00c2",
                () -> expect(
                        1,
                        "error: cannot go to '00c2': it is not applied, so there is no going down to it",
                        "downgrade",
                        "00c2"));
    }

    @Test
    void downgradeBeyondBase() {
        expect(
                1,
                "error: cannot go to '-5': only 1 below the current one (name the revision to go to)",
                "downgrade",
                "-5");
    }

    @Test
    void offlineDowngradeWithoutAStart() {
        expect(
                1,
                "error: an offline downgrade needs FROM:TO, got 'base' (say where the database is, for example head:base)",
                "downgrade",
                "--sql",
                "base");
    }

    @Test
    void mergeOfOneRevision() {
        expect(1, "error: a merge needs two or more revisions, got [00a1]", "merge", "00a1", "-m", "alone");
    }

    @Test
    void revisionWithoutAMessage() {
        expect(2, "error: Missing required option: '--message=<message>' (see 'autogen --help')", "revision");
    }

    @Test
    void aPasswordOnTheCommandLineIsTakenWithAWarning() {
        Cli.Result result = cli.run("current", "--password", SECRET);
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("warning: --password is visible to every user of this machine (ps)");
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }

    @Test
    void aUrlTheDriverCannotParseNeverShowsItsPassword() {
        for (String url : List.of(
                "jdbc:postgresql://host:/db?password=" + SECRET,
                "jdbc:postgresql://localhost:5432x/db?password=" + SECRET,
                "jdbc:postgresql://localhost:99999/db?user=u&password=" + SECRET,
                "jdbc:postgresql://u:" + SECRET + "@nowhere.invalid/db")) {
            Cli.Result result = cli.run("current", "--url", url);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).as(result.toString()).startsWith("error: ").doesNotContain(SECRET);
            Cli.Result debug = cli.run("current", "--debug", "--url", url);
            assertThat(debug.out() + debug.err()).as(debug.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aBadSslmodeSaysSo() {
        expect(
                1,
                "error: the url's sslmode is not one the driver knows",
                "current",
                "--url",
                db.settings().url() + (db.settings().url().contains("?") ? "&" : "?") + "sslmode=sometimes");
    }

    @Test
    void aPortThatAcceptsAndNeverAnswersIsUnreachableInBoundedTime() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accepting = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        silent.accept();
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            long start = System.nanoTime();
            expect(
                    1,
                    "error: cannot reach the database at jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app",
                    "current",
                    "--url",
                    "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(java.time.Duration.ofSeconds(60));
        }
    }

    @Test
    void aConfigurationWithAByteOrderMarkAndWindowsLineEndsReadsAsAnyOther() throws IOException {
        Path config = project.resolve(Configuration.FILE_NAME);
        String before = Files.readString(config);
        try {
            Files.writeString(config, "\uFEFF" + before.replace("\n", "\r\n"));
            WorkflowIT.assertSuccess(cli.run("current"), "00a1");
        } finally {
            Files.writeString(config, before);
        }
    }

    @Test
    void aZeroLockWaitFailsAtOnceRatherThanWaitForEver() throws Exception {
        try (Connection holder = db.connect();
                java.sql.Statement statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('autogen:public.autogen_version'))");
            long start = System.nanoTime();
            withProperty(
                    "lock.wait",
                    "0",
                    () -> expect(
                            1,
                            "error: another session holds the migration lock public.autogen_version: pid ",
                            "upgrade",
                            "head"));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void aVersionTableOfAnotherToolIsLeftAsItIs() {
        db.execute(
                "create table alembic_version (version_num character varying(32) not null primary key)",
                "insert into alembic_version values ('ae1027a6acf')");
        try {
            withProperty(
                    "version.table",
                    "alembic_version",
                    () -> expect(
                            1,
                            "error: public.alembic_version exists but was not made by autogen (it has no public.alembic_version_history",
                            "upgrade",
                            "head"));
        } finally {
            db.execute("drop table alembic_version");
        }
    }

    @Test
    void aMigrationWhoseOwnCodeThrowsIsNamedWithTheLine() throws IOException {
        Path file = project.resolve("migrations/migrations/Throws.java");
        Files.writeString(file, """
                package migrations;

                import dev.autogen.migration.*;

                @Revision(id = "00t1", revises = "00a1", message = "Throws", created = "2026-01-01T00:00:00Z")
                public final class Throws implements Migration {
                    public void upgrade(Operations op) {
                        String missing = null;
                        op.execute(missing.trim());
                    }
                }
                """);
        try {
            expect(
                    1,
                    "error: revision 00t1 (migrations.Throws): its upgrade() threw java.lang.NullPointerException",
                    "upgrade",
                    "head");
            assertThat(cli.run("upgrade", "head").err())
                    .contains("at Throws.java:9")
                    .doesNotContain("an autogen bug");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aReadOnlyDatabaseSaysSo() {
        String role = db.name() + "_ro";
        db.execute(
                "create role " + role + " login password 'ro-pass' superuser",
                "alter role " + role + " set default_transaction_read_only = on");
        try {
            withSourceUnchecked(
                    "Second",
                    "00b2",
                    "00a1",
                    () -> expectContaining(
                            1,
                            "error: ",
                            "the database is read-only",
                            "upgrade",
                            "head",
                            "--user",
                            role,
                            "--password",
                            "ro-pass"));
        } finally {
            db.execute("drop role " + role);
        }
    }

    @Test
    void aSeventyThousandCharacterMessageIsRefused() {
        expect(
                1,
                "error: the message is 70000 characters long; at most 2000 are kept",
                "revision",
                "-m",
                "m".repeat(70_000));
    }

    @Test
    void terminalEscapesInWhatIsPrintedAreShownNotSent() throws IOException {
        withSourceUnchecked("Escape", "00e1", "00a1", () -> {
            Cli.Result result = cli.run("history");
            assertThat(result.out()).doesNotContain("\u001b");
        });
        expect(1, "error: no revision matches '\\x{1b}[31mred'", "upgrade", "\u001b[31mred");
    }

    @Test
    void debugShowsTheStackTraceButNeverThePassword() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Cli.Result result = cli.run(
                "current",
                "--debug",
                "--url",
                "jdbc:postgresql://127.0.0.1:" + closed + "/app?password=" + SECRET,
                "--password",
                SECRET);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("\tat dev.autogen.internal.dialect.postgres.Connections.open")
                .contains("error: cannot reach the database");
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }

    private static Path firstMigration() throws IOException {
        try (var walk = Files.walk(project.resolve("migrations"))) {
            return walk.filter(p -> p.getFileName().toString().endsWith("_First.java"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private interface Body {
        void run() throws IOException;
    }

    /** A hand-written migration source, present while {@code test} runs. */
    private static void withSource(String className, String id, String revises, Body test) throws IOException {
        Path file = project.resolve("migrations/migrations/" + className + ".java");
        Files.writeString(
                file,
                "package migrations;\n\nimport dev.autogen.migration.*;\n\n"
                        + "@Revision(id = \"" + id + "\", revises = {"
                        + (revises.isEmpty() ? "" : "\"" + revises + "\"")
                        + "}, message = \"" + className + "\", created = \"2026-01-01T00:00:00Z\")\n"
                        + "public final class " + className + " implements Migration {\n"
                        + "    public void upgrade(Operations op) {}\n    public void downgrade(Operations op) {}\n}\n");
        try {
            test.run();
        } finally {
            Files.delete(file);
        }
    }

    private static void withSourceUnchecked(String className, String id, String revises, Runnable test) {
        try {
            withSource(className, id, revises, test::run);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void expectContaining(int exitCode, String errorStart, String fragment, String... arguments) {
        assertThat(expect(exitCode, errorStart, arguments).err()).contains(fragment);
    }

    private static Cli.Result expect(int exitCode, String errorStart, String... arguments) {
        List<String> files = Snapshot.files(project);
        List<String> database = databaseSnapshot();

        Cli.Result result = cli.run(arguments);

        WorkflowIT.assertFailure(result, exitCode, errorStart);
        assertThat(result.out() + result.err())
                .as("output never shows a password")
                .doesNotContain(SECRET);
        assertThat(Snapshot.files(project))
                .as("files after '%s'", String.join(" ", arguments))
                .isEqualTo(files);
        assertThat(databaseSnapshot())
                .as("database after '%s'", String.join(" ", arguments))
                .isEqualTo(database);
        return result;
    }

    private static List<String> databaseSnapshot() {
        try (Connection connection = db.connect()) {
            return Snapshot.database(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void withProperty(String key, String value, Runnable test) {
        Path config = project.resolve(Configuration.FILE_NAME);
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

    private static void withSecondHead(String id, Body test) throws IOException {
        WorkflowIT.assertSuccess(cli.run("revision", "-m", "beside", "--head", "base", "--rev-id", id));
        Path file;
        try (var walk = Files.walk(project.resolve("migrations"))) {
            file = walk.filter(p -> p.getFileName().toString().endsWith("_Beside.java"))
                    .findFirst()
                    .orElseThrow();
        }
        try {
            test.run();
        } finally {
            Files.delete(file);
        }
    }
}
