package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column renamed and widened, through the real jar: asked on a terminal, not asked with --no-input (the
 * drop then says it might have been a rename), taken when stated with --rename, and then upgraded with its
 * values.
 */
class RenamesIT {

    private static final String CUSTOMER_RENAMED = """
            package com.example.shop;

            import jakarta.persistence.*;

            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Column(nullable = false, length = 200) String fullName;
            }
            """;

    @TempDir
    static Path project;

    private static TestDatabase db;
    private static Cli cli;

    @BeforeAll
    static void projectAtItsFirstRevisionWithARow() {
        db = TestDatabase.create();
        EntityVersions.compile(project.resolve("build/v1"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        EntityVersions.compile(project.resolve("build/v2"), Map.of("Customer.java", CUSTOMER_RENAMED));
        cli = Cli.on(project, db);
        WorkflowIT.assertSuccess(cli.run("init"));
        Properties.set(project, "entities.classpath", "build/v1");
        WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "first", "--rev-id", "00a1"));
        WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
        db.execute("insert into customer (name) values ('Ann')");
        Properties.set(project, "entities.classpath", "build/v2");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @AfterEach
    void removeTheNewMigration() throws IOException {
        for (Path file : newMigrations()) {
            Files.delete(file);
        }
    }

    @Test
    void onATerminalTheRenameIsAskedAndAYesKeepsTheValues() throws IOException {
        Cli.Result result = cli.runOnTerminal("y\n", "revision", "--autogenerate", "-m", "rename");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Did you rename column public.customer.name to fullname"
                        + " (character varying(100) to character varying(200))? [y/N]");
        assertThat(migration()).contains("// Renamed: confirmed when asked.").contains("op.renameColumn(");
    }

    @Test
    void withNoInputNothingIsAskedAndTheDropSaysItMightHaveBeenARename() throws IOException {
        Cli.Result result = cli.runOnTerminal("y\n", "revision", "--autogenerate", "-m", "rename", "--no-input");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain("Did you rename");
        assertThat(migration())
                .contains("// Not taken as renamed: fullname appeared in public.customer. If name was renamed,")
                .contains("--rename public.customer.name=fullname")
                .contains("op.dropColumn(");
    }

    @Test
    void statedRenamesAreTakenAndTheUpgradeKeepsTheValues() throws IOException {
        WorkflowIT.assertSuccess(
                cli.run("revision", "--autogenerate", "-m", "rename", "--rename", "customer.name=fullname"));
        assertThat(migration())
                .contains("// Renamed as asked with --rename customer.name=fullname.")
                .doesNotContain("op.dropColumn(");
        WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
        assertThat(db.query("select fullname from customer")).containsExactly("Ann");
        WorkflowIT.assertSuccess(cli.run("downgrade", "-1"));
        assertThat(db.query("select name from customer")).containsExactly("Ann");
    }

    @Test
    void aStatedRenameThatMatchesNothingFailsAndWritesNothing() throws IOException {
        Cli.Result result = cli.run("revision", "--autogenerate", "-m", "rename", "--rename", "customer.nom=fullname");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("the rename hint 'customer.nom=fullname' names no table or column");
        assertThat(newMigrations()).isEmpty();
    }

    private static String migration() throws IOException {
        List<Path> files = newMigrations();
        assertThat(files).hasSize(1);
        return Files.readString(files.get(0));
    }

    private static List<Path> newMigrations() throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".java")
                            && !f.getFileName().toString().contains("First"))
                    .toList();
        }
    }
}
