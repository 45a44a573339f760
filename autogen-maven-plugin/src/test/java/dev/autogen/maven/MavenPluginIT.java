package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin run by real Maven builds (offline, against the local repository the build installed it in):
 * revision writes the migration, upgrade applies it, check passes, and after an entity edit check fails
 * the build, in a single-module project and in a multi-module one whose entities live in a module of
 * their own.
 */
class MavenPluginIT {

    private static final String VERSION = System.getProperty("autogen.version", "0.1.0-SNAPSHOT");
    private static final String PLUGIN = "dev.autogen:autogen-maven-plugin:" + VERSION + ":";

    @TempDir
    Path work;

    record Build(int exitCode, String log) {}

    @Test
    void aSingleModuleProject() throws IOException {
        Path project = work.resolve("shop");
        write(project.resolve("pom.xml"), pom("shop", "jar", entitiesDependency(), plugin()));
        write(project.resolve("src/v1/java/com/example/Customer.java"), customer(false));
        write(project.resolve("src/v2/java/com/example/Customer.java"), customer(true));
        try (TestDatabase db = TestDatabase.create()) {
            workflow(db, project, project.resolve("migrations"));
        }
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
        assertThat(revision.log()).contains("add table public.customer");
        assertThat(javaFiles(migrations)).hasSize(1);

        Build upgrade = mvn(db, project, "compile", PLUGIN + "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.log()).isZero();
        assertThat(db.query("select count(*) from autogen_version")).containsExactly("1");

        Build clean = mvn(db, project, "compile", PLUGIN + "check");
        assertThat(clean.exitCode()).as(clean.log()).isZero();
        assertThat(clean.log()).contains("No differences");

        Build edited = mvn(db, project, "compile", PLUGIN + "check", "-Dentities=2");
        assertThat(edited.exitCode()).as(edited.log()).isNotZero();
        assertThat(edited.log())
                .contains("add column public.customer.email")
                .contains("autogen check found differences");
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
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-Dstyle.color=never"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(work, "build", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
            builder.environment()
                    .putAll(Map.of(
                            "AUTOGEN_URL",
                            db.settings().url(),
                            "AUTOGEN_USER",
                            db.settings().user()));
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
