package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestMariaDb;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow through the real jar on a real MariaDB, the url in the environment as a CI job sets it:
 * the schema is the url's database, and each command does on MariaDB what it does on PostgreSQL.
 */
@EnabledIf("dev.autogen.testing.TestMariaDb#available")
class MariaDbWorkflowIT {

    @TempDir
    Path project;

    @Test
    void revisionUpgradeCheckHistoryAndDowngradeOnMariaDb() {
        EntityVersions.compile(project.resolve("build/v1"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        EntityVersions.compile(project.resolve("build/v2"), Map.of("Customer.java", EntityVersions.CUSTOMER_V2));
        try (TestMariaDb db = TestMariaDb.create()) {
            Cli cli = new Cli(project, Map.of("AUTOGEN_URL", db.settings().url()));
            WorkflowIT.assertSuccess(cli.run("init"));
            Properties.set(project, "entities.classpath", "build/v1");
            WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "customers", "--rev-id", "0001"));
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
            assertThat(db.query("show create table Customer").get(0))
                    .contains("`id` bigint(20) NOT NULL AUTO_INCREMENT")
                    .contains("`name` varchar(100) NOT NULL");
            Cli.Result clean = cli.run("check");
            assertThat(clean.exitCode()).as(clean.toString()).isZero();

            Properties.set(project, "entities.classpath", "build/v2");
            Cli.Result behind = cli.run("check");
            assertThat(behind.exitCode()).as(behind.toString()).isEqualTo(3);
            assertThat(behind.out()).contains("add column " + db.name() + ".Customer.email");
            WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "add email", "--rev-id", "0002"));
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
            db.execute("insert into Customer (name, email) values ('Ann', 'ann@example.com')");
            assertThat(cli.run("check").exitCode()).isZero();
            Cli.Result current = cli.run("current");
            WorkflowIT.assertSuccess(current);
            assertThat(current.out()).contains("0002");
            Cli.Result fromHistory =
                    cli.run("revision", "--autogenerate", "--from-history", "-m", "nothing", "--rev-id", "0003");
            WorkflowIT.assertSuccess(fromHistory);
            assertThat(fromHistory.out())
                    .as("the history replayed in MariaDB's spellings: nothing to write")
                    .contains("No changes");
            Cli.Result script = cli.run("upgrade", "0001:0002", "--sql");
            assertThat(script.exitCode()).as(script.toString()).isEqualTo(1);
            assertThat(script.err()).startsWith("error: SQL scripts are written for PostgreSQL only so far");
            Cli.Result history = cli.run("history");
            WorkflowIT.assertSuccess(history);
            assertThat(history.out()).contains("0001").contains("0002");

            WorkflowIT.assertSuccess(cli.run("downgrade", "-1"));
            assertThat(db.query("select name from Customer")).containsExactly("Ann");
            assertThat(db.query("select count(*) from information_schema.columns where table_schema = '" + db.name()
                            + "' and table_name = 'Customer' and column_name = 'email'"))
                    .containsExactly("0");
            WorkflowIT.assertSuccess(cli.run("downgrade", "base"));
            assertThat(db.query("select table_name from information_schema.tables where table_schema = '" + db.name()
                            + "' order by 1"))
                    .containsExactly("autogen_version", "autogen_version_history");
        }
    }
}
