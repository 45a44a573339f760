package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on a database behind head says so before it lists the differences. */
class CheckBehindHeadIT {

    @TempDir
    Path project;

    @Test
    void checkSaysFirstThatTheDatabaseIsNotAtHead() {
        EntityVersions.compile(project.resolve("build/v1"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            WorkflowIT.assertSuccess(cli.run("init"));
            Properties.set(project, "entities.classpath", "build/v1");
            WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "first", "--rev-id", "0001"));

            Cli.Result behind = cli.run("check");
            assertThat(behind.exitCode()).as(behind.toString()).isEqualTo(3);
            assertThat(behind.out().lines().findFirst().orElseThrow())
                    .isEqualTo("The database is at base, not at head: 'autogen upgrade head' applies the migrations it"
                            + " lacks, whose changes are among the differences below.");

            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
            Cli.Result clean = cli.run("check");
            assertThat(clean.exitCode()).as(clean.toString()).isZero();
            assertThat(clean.out()).doesNotContain("not at head");
        }
    }
}
