package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's conveniences through the real jar: init keeps .autogen/ out of git, check speaks
 * JSON for CI tools, completion scripts come from the commands' definitions, show prints a revision's SQL,
 * and the database's URL is there for psql.
 */
class PolishIT {

    @TempDir
    Path project;

    @Test
    void theConveniences() throws IOException {
        Files.writeString(project.resolve(".gitignore"), "target/");
        EntityVersions.compile(project.resolve("build/v1"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        EntityVersions.compile(project.resolve("build/v2"), Map.of("Customer.java", EntityVersions.CUSTOMER_V2));
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            WorkflowIT.assertSuccess(cli.run("init"), "kept .autogen/ out of git");
            assertThat(Files.readString(project.resolve(".gitignore"))).isEqualTo("target/\n.autogen/\n");
            WorkflowIT.assertSuccess(cli.run("init", "again"));
            assertThat(Files.readString(project.resolve("again/.gitignore"))).isEqualTo(".autogen/\n");

            Properties.set(project, "entities.classpath", "build/v1");
            WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "first", "--rev-id", "0001"));
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
            WorkflowIT.assertSuccess(cli.run("check", "--format", "json"), "{\"differences\": []}");
            Cli.Result history = WorkflowIT.assertSuccess(cli.run("history", "-v"), "Applied: upgrade ");
            assertThat(history.out()).containsPattern("Applied: upgrade \\S+ by \\S+ in \\d+ ms");

            Properties.set(project, "entities.classpath", "build/v2");
            Cli.Result differs = cli.run("check", "--format", "json");
            assertThat(differs.exitCode()).as(differs.toString()).isEqualTo(3);
            assertThat(differs.out().strip())
                    .startsWith("{\"differences\": [{\"description\": \"add column public.customer.email")
                    .contains("\"dataLoss\": null")
                    .contains("\"risk\": ")
                    .endsWith("]}");

            WorkflowIT.assertSuccess(cli.run("show", "0001", "--sql"), "create table public.customer");
            WorkflowIT.assertSuccess(cli.run("completion"), "complete -F", "revision", "--autogenerate");
            WorkflowIT.assertSuccess(
                    cli.run("psql", "--print-url"), db.settings().url());
        }
    }
}
