package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.testing.Models;
import dev.autogen.testing.TestMariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            Cli.Result idempotent = cli.run("upgrade", "0001:0002", "--sql", "--idempotent");
            assertThat(idempotent.exitCode()).as(idempotent.toString()).isEqualTo(1);
            assertThat(idempotent.err()).startsWith("error: an idempotent script runs each migration as one guarded");
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

            // The same history as scripts, run by the mariadb client: where autogen upgrade would have taken it.
            Cli.Result up = cli.run("upgrade", "--sql", "base:head");
            WorkflowIT.assertSuccess(up);
            assertThat(up.out()).contains("delimiter //").doesNotContain("ON_ERROR_STOP");
            assertThat(client(db, up.out()).exitCode()).isZero();
            assertThat(cli.run("current").out()).contains("0002 (head)");
            Cli.Result checked = cli.run("check");
            assertThat(checked.exitCode()).as(checked.toString()).isZero();
            Cli.Result drift = cli.run("drift");
            assertThat(drift.exitCode()).as(drift.toString()).isZero();
            Cli.Result again = client(db, up.out());
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.err()).contains("expects").contains("at base");
            assertThat(cli.run("current").out()).contains("0002 (head)");

            Cli.Result down = cli.run("downgrade", "--sql", "head:base");
            WorkflowIT.assertSuccess(down);
            assertThat(client(db, down.out()).exitCode()).isZero();
            assertThat(db.query("select table_name from information_schema.tables where table_schema = '" + db.name()
                            + "' order by 1"))
                    .containsExactly("autogen_version", "autogen_version_history");
            assertThat(db.query("select revision, direction from autogen_version_history order by id desc limit 2"))
                    .containsExactly("0001|downgrade", "0002|downgrade");
        }
    }

    /**
     * MariaDB commits each DDL statement on its own: a script whose rows refuse a later statement stops with
     * the earlier ones done, marks how far it got, refuses to run again over it, and autogen finishes the
     * migration from there once the rows are mended.
     */
    @Test
    void aScriptTheRowsStopPartWayIsMarkedAndAutogenFinishesItOnceMended() throws IOException {
        Files.writeString(
                project.resolve(Configuration.FILE_NAME), "migrations.dir = migrations\nmigrations.package = part\n");
        QualifiedName p = Models.name("public", "p");
        Column code = Column.of("code", "varchar(20)", true);
        HandWritten.migration(
                project,
                "part",
                "r1",
                null,
                List.of(new CreateTable(Models.table(p)
                        .column(Models.column("id", "int").notNull())
                        .column(Models.column("code", "varchar(20)"))
                        .primaryKey("PRIMARY", "id")
                        .table())));
        HandWritten.migration(
                project,
                "part",
                "r2",
                "r1",
                List.of(
                        new AddColumn(p, Column.of("note", "varchar(40)", true)),
                        new AlterColumn(p, code, Column.of("code", "int", true))));
        try (TestMariaDb db = TestMariaDb.create()) {
            Cli cli = new Cli(project, Map.of("AUTOGEN_URL", db.settings().url()));
            WorkflowIT.assertSuccess(cli.run("upgrade", "r1"));
            db.execute("insert into p values (1, '7'), (2, 'not a number')");
            Cli.Result script = cli.run("upgrade", "--sql", "r1:head");
            WorkflowIT.assertSuccess(script);

            Cli.Result stopped = client(db, script.out());
            assertThat(stopped.exitCode()).as(stopped.toString()).isNotZero();
            assertThat(stopped.err()).contains("not a number");
            assertThat(db.query("select version_num from autogen_version")).containsExactly("r1");
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .as("the history marks how far it got")
                    .containsExactly("1");
            assertThat(db.query("select column_name from information_schema.columns where table_schema = '" + db.name()
                            + "' and table_name = 'p' and column_name = 'note'"))
                    .as("the statement before the refused one is done")
                    .containsExactly("note");
            Cli.Result again = client(db, script.out());
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.err())
                    .contains("a revision was left part done by an earlier run")
                    .contains("'autogen upgrade' completes it");

            db.execute("delete from p where id = 2");
            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
            assertThat(db.query("select version_num from autogen_version")).containsExactly("r2");
            assertThat(db.query("select data_type from information_schema.columns where table_schema = '" + db.name()
                            + "' and table_name = 'p' and column_name = 'code'"))
                    .containsExactly("int");
            assertThat(db.query("select code from p")).containsExactly("7");
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
        }
    }

    /** The script fed to the mariadb client, as a DBA runs it: {@code mariadb DATABASE < FILE}. */
    private static Cli.Result client(TestMariaDb db, String script) {
        java.util.regex.Matcher server = java.util.regex.Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)/.*")
                .matcher(db.settings().url());
        assertThat(server.matches()).isTrue();
        try {
            Path in = java.nio.file.Files.createTempFile("script", ".sql");
            Path err = java.nio.file.Files.createTempFile("client", ".err");
            java.nio.file.Files.writeString(in, script);
            Process process = new ProcessBuilder(
                            "mariadb",
                            "--no-defaults",
                            "--host=" + server.group(1),
                            "--port=" + server.group(2),
                            "--user=root",
                            db.name())
                    .redirectInput(in.toFile())
                    .redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int exit = process.waitFor();
            return new Cli.Result(exit, "", java.nio.file.Files.readString(err));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
