package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestMariaDb;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin run by real Maven builds (offline, against the local repository the build installed it in):
 * revision writes the migration, upgrade applies it, check passes, and after an entity edit check fails
 * the build, in a single-module project and in a multi-module one whose entities live in a module of
 * their own, and in a single-module project on MariaDB.
 */
class MavenPluginIT {

    private static final String VERSION = System.getProperty("autogen.version", "0.1.0-SNAPSHOT");
    private static final String PLUGIN = "dev.autogen:autogen-maven-plugin:" + VERSION + ":";

    @TempDir
    Path work;

    record Build(int exitCode, String log) {}

    @Test
    void aSingleModuleProject() throws IOException {
        Path project = singleModuleProject();
        try (TestDatabase db = TestDatabase.create()) {
            workflow(db, project, project.resolve("migrations"));
        }
    }

    /** The same goals on MariaDB: the schema is the url's database, and the build says so. */
    @Test
    @EnabledIf("dev.autogen.testing.TestMariaDb#available")
    void aSingleModuleProjectOnMariaDb() throws IOException {
        Path project = singleModuleProject();
        try (TestMariaDb db = TestMariaDb.create()) {
            Map<String, String> login = Map.of("AUTOGEN_URL", db.settings().url());
            Build revision = mvn(
                    login, project, List.of(), "compile", PLUGIN + "revision", "-Dautogen.message=create customers");
            assertThat(revision.exitCode()).as(revision.log()).isZero();
            assertThat(revision.log()).containsIgnoringCase("add table " + db.name() + ".customer");

            Build upgrade = mvn(login, project, List.of(), "compile", PLUGIN + "upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.log()).isZero();
            assertThat(db.query("select count(*) from autogen_version")).containsExactly("1");

            Build clean = mvn(login, project, List.of(), "compile", PLUGIN + "check");
            assertThat(clean.exitCode()).as(clean.log()).isZero();
            assertThat(clean.log()).contains("No differences");

            Build edited = mvn(login, project, List.of(), "compile", PLUGIN + "check", "-Dentities=2");
            assertThat(edited.exitCode()).as(edited.log()).isNotZero();
            assertThat(edited.log())
                    .containsIgnoringCase("add column " + db.name() + ".customer.email")
                    .contains("autogen check found differences");
        }
    }

    /** A project with the entities and the plugin in one module: its version 1 and, with -Dentities=2, 2. */
    private Path singleModuleProject() throws IOException {
        Path project = work.resolve("shop");
        write(project.resolve("pom.xml"), pom("shop", "jar", entitiesDependency(), plugin()));
        write(project.resolve("src/v1/java/com/example/Customer.java"), customer(false));
        write(project.resolve("src/v2/java/com/example/Customer.java"), customer(true));
        return project;
    }

    @Test
    void aMultiModuleProjectWithTheEntitiesInAModuleOfTheirOwn() throws IOException {
        Path root = work.resolve("shop-parent");
        write(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>shop-parent</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>entities</module>
                    <module>app</module>
                  </modules>
                </project>
                """);
        write(root.resolve("entities/pom.xml"), pom("entities", "jar", entitiesDependency(), ""));
        write(root.resolve("entities/src/v1/java/com/example/Customer.java"), customer(false));
        write(root.resolve("entities/src/v2/java/com/example/Customer.java"), customer(true));
        write(root.resolve("app/pom.xml"), pom("app", "jar", """
                    <dependency>
                      <groupId>com.example</groupId>
                      <artifactId>entities</artifactId>
                      <version>1.0</version>
                    </dependency>
                """, plugin()));
        write(
                root.resolve("app/src/v1/java/com/example/app/Main.java"),
                "package com.example.app;\npublic class Main {}\n");
        write(
                root.resolve("app/src/v2/java/com/example/app/Main.java"),
                "package com.example.app;\npublic class Main {}\n");
        try (TestDatabase db = TestDatabase.create()) {
            workflow(db, root, root.resolve("app/migrations"));
        }
    }

    private void workflow(TestDatabase db, Path project, Path migrations) throws IOException {
        Build revision = mvn(db, project, "compile", PLUGIN + "revision", "-Dautogen.message=create customers");
        assertThat(revision.exitCode()).as(revision.log()).isZero();
        assertThat(revision.log())
                .contains("add table public.customer")
                .containsPattern("Wrote \\S+\\.java \\(revision \\w+, after base\\)")
                .as("Hibernate's own logging stays out of the build log")
                .doesNotContain("HHH");
        assertThat(javaFiles(migrations)).hasSize(1);

        Build upgrade = mvn(db, project, "compile", PLUGIN + "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.log()).isZero();
        assertThat(db.query("select count(*) from autogen_version")).containsExactly("1");
        assertThat(upgrade.log()).contains("Running upgrade ").contains("Now at: ");

        Build clean = mvn(db, project, "compile", PLUGIN + "check");
        assertThat(clean.exitCode()).as(clean.log()).isZero();
        assertThat(clean.log()).contains("No differences");

        Build edited = mvn(db, project, "compile", PLUGIN + "check", "-Dentities=2");
        assertThat(edited.exitCode()).as(edited.log()).isNotZero();
        assertThat(edited.log())
                .contains("add column public.customer.email")
                .contains("autogen check found differences");

        Build quiet = mvn(db, project, "-q", "compile", PLUGIN + "check", "-Dentities=2");
        assertThat(quiet.exitCode()).as(quiet.log()).isNotZero();
        assertThat(quiet.log()).as("a quiet build shows what differs").contains("add column public.customer.email");
    }

    @Test
    void theLoginComesFromAServerOfSettingsXmlEncryptedTheMavenWayAndIsNeverPrinted() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        Path passwordFile = work.resolve("initdb-password");
        Files.writeString(passwordFile, password);
        // A server that checks passwords (the tests' own one trusts every local client).
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password)
                .start()) {
            Path security = work.resolve("settings-security.xml");
            Files.writeString(
                    security,
                    "<settingsSecurity><master>"
                            + encrypted(null, "--encrypt-master-password", "master-" + UUID.randomUUID())
                            + "</master></settingsSecurity>\n");
            Path settings = work.resolve("settings.xml");
            Files.writeString(settings, """
                    <settings>
                      <servers>
                        <server><id>autogen-db</id><username>postgres</username><password>%s</password></server>
                        <server><id>wrong</id><username>postgres</username><password>not-it</password></server>
                      </servers>
                    </settings>
                    """.formatted(encrypted(security, "--encrypt-password", password)));
            Path project = work.resolve("shop");
            write(project.resolve("pom.xml"), pom("shop", "jar", entitiesDependency(), plugin()));
            write(project.resolve("src/v1/java/com/example/Customer.java"), customer(false));
            Map<String, String> environment = Map.of(
                    "AUTOGEN_URL", server.getJdbcUrl("postgres", "postgres").replaceFirst("\\?user=postgres$", ""));
            List<String> options = List.of("-s", settings.toString(), "-Dsettings.security=" + security);

            Build current = mvn(
                    environment,
                    project,
                    options,
                    "-X",
                    "compile",
                    PLUGIN + "current",
                    "-Dautogen.serverId=autogen-db");
            assertThat(current.exitCode()).as(current.log()).isZero();
            assertThat(current.log()).contains("base (no revision applied)").doesNotContain(password);

            Build wrong =
                    mvn(environment, project, options, "-X", "compile", PLUGIN + "current", "-Dautogen.serverId=wrong");
            assertThat(wrong.exitCode()).as(wrong.log()).isNotZero();
            assertThat(wrong.log()).contains("refused user 'postgres'").doesNotContain("not-it");

            Build missing =
                    mvn(environment, project, options, "compile", PLUGIN + "current", "-Dautogen.serverId=nowhere");
            assertThat(missing.log()).contains("no <server> with id nowhere in Maven's settings.xml");
        }
    }

    @Test
    void aPasswordInThePomIsRefused() throws IOException {
        Path project = work.resolve("shop");
        write(
                project.resolve("pom.xml"),
                pom(
                        "shop",
                        "jar",
                        entitiesDependency(),
                        plugin().replace("<settings>", "<settings><password>in-the-pom</password>")));
        write(project.resolve("src/v1/java/com/example/Customer.java"), customer(false));
        try (TestDatabase db = TestDatabase.create()) {
            Build refused = mvn(db, project, "compile", PLUGIN + "current");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.log())
                    .contains("a password in the pom's <settings> is kept in version control and printed by mvn -X");
        }
    }

    /** What {@code mvn --encrypt-...-password} prints: Maven's own encryption, as a user would make it. */
    private String encrypted(Path security, String option, String secret) throws IOException {
        List<String> options = security == null ? List.of() : List.of("-Dsettings.security=" + security);
        Build build = mvn(Map.of(), work, options, option, secret);
        assertThat(build.exitCode()).as(build.log()).isZero();
        return build.log()
                .lines()
                // Maven 3.8 writes colour codes around it, even when told not to.
                .map(line -> line.replaceAll("\u001B\\[[0-9;]*m", "").strip())
                .filter(line -> line.startsWith("{") && line.endsWith("}"))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no encrypted password in:\n" + build.log()));
    }

    private static String customer(boolean withEmail) {
        return """
                package com.example;

                import jakarta.persistence.*;

                @Entity
                public class Customer {
                    @Id Long id;
                    @Column(nullable = false, length = 100) String name;
                %s}
                """.formatted(withEmail ? "    @Column(length = 160) String email;\n" : "");
    }

    private static String entitiesDependency() {
        return """
                    <dependency>
                      <groupId>jakarta.persistence</groupId>
                      <artifactId>jakarta.persistence-api</artifactId>
                      <version>3.2.0</version>
                      <scope>provided</scope>
                    </dependency>
                """;
    }

    private static String plugin() {
        return """
                      <plugin>
                        <groupId>dev.autogen</groupId>
                        <artifactId>autogen-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <settings>
                            <naming>spring</naming>
                            <migrations.package>com.example.migrations</migrations.package>
                          </settings>
                        </configuration>
                      </plugin>
                """.formatted(VERSION);
    }

    private static String pom(String artifact, String packaging, String dependencies, String plugins) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <packaging>%s</packaging>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <entities>1</entities>
                  </properties>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <sourceDirectory>src/v${entities}/java</sourceDirectory>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                %s    </plugins>
                  </build>
                </project>
                """.formatted(artifact, packaging, dependencies, plugins);
    }

    private Build mvn(TestDatabase db, Path project, String... arguments) {
        return mvn(
                Map.of(
                        "AUTOGEN_URL",
                        db.settings().url(),
                        "AUTOGEN_USER",
                        db.settings().user()),
                project,
                List.of(),
                arguments);
    }

    private Build mvn(Map<String, String> environment, Path project, List<String> options, String... arguments) {
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-Dstyle.color=never"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(options);
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(work, "build", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish in 300 s");
            }
            return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<Path> javaFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
