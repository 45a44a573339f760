package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alembic's whole workflow, run by the real jar as a user's shell would, on a real PostgreSQL. */
class WorkflowIT {

    @TempDir
    Path project;

    @Test
    void theWholeWorkflowOnAServer() throws IOException {
        try (TestDatabase db = TestDatabase.create()) {
            workflow(Cli.on(project, db));
        }
    }

    @Test
    void theWholeWorkflowOnTheEmbeddedDatabaseFromACleanDirectory() throws IOException {
        workflow(new Cli(project, Map.of()));
        assertThat(project.resolve(".autogen/pgdata/PG_VERSION")).exists();
    }

    /** init, autogenerate, upgrade, inspect, edit the entities, again, go down and up, branch, merge, drop, script. */
    private void workflow(Cli cli) throws IOException {
        EntityVersions.compile(project.resolve("build/v1"), Map.of("Customer.java", EntityVersions.CUSTOMER_V1));
        EntityVersions.compile(
                project.resolve("build/v2"),
                Map.of("Customer.java", EntityVersions.CUSTOMER_V2, "Purchase.java", EntityVersions.ORDER_V2));

        assertSuccess(cli.run("init"), "Wrote ./autogen.properties");
        Properties.set(project, "entities.classpath", "build/v1");
        Properties.set(project, "migrations.package", "com.example.shop.migrations");

        Cli.Result first = assertSuccess(
                cli.run("revision", "--autogenerate", "-m", "create customers", "--rev-id", "0001"),
                "Detected 1 change:",
                "  add table public.customer");
        assertThat(first.out())
                .containsPattern(
                        "Wrote migrations/com/example/shop/migrations/M\\d{14}_CreateCustomers.java \\(revision 0001, after base\\)");
        assertSuccess(cli.run("upgrade", "head"), "Running upgrade 0001, create customers", "Now at: 0001");
        assertSuccess(cli.run("current"), "0001 (head), create customers");
        assertSuccess(cli.run("history", "-i"), "<base> -> 0001 (head) (current), create customers");
        assertSuccess(cli.run("history"), "<base> -> 0001 (head)");
        assertSuccess(cli.run("check"), "No differences: the database matches the entities.");

        // The developer edits the entities: a new column, a unique constraint, a new table with a foreign key.
        Properties.set(project, "entities.classpath", "build/v2");
        Cli.Result dirty = cli.run("check");
        assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(3);
        assertThat(dirty.out())
                .contains(
                        "4 differences",
                        "add column public.customer.email character varying(160)",
                        "add unique constraint public.customer [email]",
                        "add table public.purchase");

        assertSuccess(
                cli.run("revision", "--autogenerate", "-m", "add email and purchases", "--rev-id", "0002"),
                "Detected 4 changes:",
                "add foreign key public.purchase [customer_id] -> public.customer",
                "(revision 0002, after 0001)");
        assertFailure(
                cli.run("revision", "--autogenerate", "-m", "nothing yet", "--rev-id", "0009"),
                1,
                "error: the database is at 0001, not at 0002 (run 'autogen upgrade head' first");
        assertSuccess(cli.run("upgrade", "head"), "Running upgrade 0002, add email and purchases", "Now at: 0002");
        assertSuccess(cli.run("check"), "No differences");
        assertSuccess(
                cli.run("revision", "--autogenerate", "-m", "nothing", "--rev-id", "0009"),
                "No changes: the database matches the entities.",
                "No file written");

        assertSuccess(cli.run("downgrade", "-1"), "Running downgrade 0002, add email and purchases", "Now at: 0001");
        assertSuccess(cli.run("downgrade", "base"), "Running downgrade 0001, create customers", "Now at: base");
        assertSuccess(cli.run("current"), "base (no revision applied)");
        assertSuccess(cli.run("stamp", "head"), "Stamped: 0002");
        assertSuccess(cli.run("stamp", "base"), "Stamped: base");
        assertSuccess(cli.run("upgrade", "0001"), "Now at: 0001");

        // A branch beside 0002, and a merge of the two heads.
        assertSuccess(
                cli.run("revision", "-m", "reports", "--head", "0001", "--branch-label", "reports", "--rev-id", "0003"),
                "(revision 0003, after 0001)");
        assertSuccess(cli.run("heads"), "0002 (head), add email and purchases", "0003 (reports) (head), reports");
        assertSuccess(cli.run("branches"), "0001 (branchpoint), create customers", "  -> 0002", "  -> 0003");
        assertSuccess(cli.run("upgrade", "reports@head"), "Running upgrade 0003, reports", "Now at: 0003");
        assertSuccess(
                cli.run("merge", "heads", "-m", "join reports", "--rev-id", "0004"),
                "(revision 0004 merges 0002, 0003)");
        assertSuccess(
                cli.run("upgrade", "head"),
                "Running upgrade 0002",
                "Running upgrade 0004, join reports",
                "Now at: 0004");
        assertSuccess(
                cli.run("history", "-i"),
                "0002, 0003 -> 0004 (head) (current) (mergepoint), join reports",
                "0001 -> 0003 (reports), reports",
                "<base> -> 0001 (branchpoint), create customers");
        assertSuccess(cli.run("history", "-r", "0002:"), "0002, 0003 -> 0004", "0001 -> 0002");
        assertSuccess(cli.run("show", "0004"), "Rev: 0004 (head) (mergepoint)", "Merges: 0002, 0003", "join reports");
        assertSuccess(cli.run("current", "-v"), "Rev: 0004 (head) (current) (mergepoint)");

        // Going back to the first entities loses data, and says so.
        Properties.set(project, "entities.classpath", "build/v1");
        assertSuccess(
                cli.run("revision", "--autogenerate", "-m", "drop email and purchases", "--rev-id", "0005"),
                "drop column public.customer.email  [data loss: drops column public.customer.email with its values]",
                "drop table public.purchase  [data loss: drops table public.purchase with all its rows]");
        assertSuccess(cli.run("upgrade", "head"), "Now at: 0005");
        assertSuccess(cli.run("check"), "No differences");

        Cli.Result sql = assertSuccess(
                cli.run("upgrade", "--sql", "base:head"),
                "-- autogen upgrade base:head",
                "create table public.customer",
                "insert into public.autogen_version (version_num) values ('0001')");
        assertThat(sql.out()).contains("delete from public.autogen_version where version_num = '0003'");
        assertSuccess(cli.run("downgrade", "--sql", "head:base"), "drop table public.customer");
        assertSuccess(cli.run("downgrade", "base"), "Now at: base");
        assertThat(migrations()).hasSize(5);
    }

    private List<Path> migrations() throws IOException {
        try (Stream<Path> walk = Files.walk(project.resolve("migrations"))) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    /** Exit code, one line on stderr that starts as given, no stack trace. */
    /** One error line on stderr (besides any warning), starting as given; no stack trace. */
    static Cli.Result assertFailure(Cli.Result result, int exitCode, String errorStart) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        String errors = result.err()
                .lines()
                .filter(l -> !l.startsWith("warning: "))
                .map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
        assertThat(errors)
                .as(result.toString())
                .startsWith(errorStart)
                .doesNotContain("\tat ")
                .hasLineCount(1);
        return result;
    }

    static Cli.Result assertSuccess(Cli.Result result, String... expected) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        for (String line : expected) {
            assertThat(result.out()).as(result.toString()).contains(line);
        }
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result;
    }
}
