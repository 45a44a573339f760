package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.LintFinding;
import dev.autogen.api.Migrations;
import dev.autogen.api.RunOptions;
import dev.autogen.api.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lint: each rule broken by a migration on a table that exists, nothing for the same steps on a table the
 * migration creates, a risk accepted with a reason, and the sample's migrations clean.
 */
class LintTest {

    @TempDir
    Path work;

    private static final Settings WITH_TIMEOUT = new Settings(
            () -> new ConnectionSettings("jdbc:postgresql://localhost/none", null, null),
            "public",
            "autogen_version",
            List.of(),
            List.of(),
            new RunOptions(Duration.ofMinutes(5), Duration.ofSeconds(2)),
            dev.autogen.api.RunListener.NONE);

    @Test
    void everyRuleIsFoundOnATableThatExistsAndNoneOnOneCreatedAlongside() throws IOException {
        Path sources = work.resolve("migrations");
        write(
                sources,
                "r1",
                "",
                "",
                "op.createTable(table(name(\"t\")).column(column(\"id\", \"bigint\").notNull()).column(column(\"a\", \"integer\"))"
                        + ".column(column(\"s\", \"character varying(10)\")).primaryKey(\"t_pkey\", \"id\"));\n"
                        + "op.createIndex(name(\"t\"), index(\"ix_t_a\").column(\"a\"));\n"
                        + "op.createTable(table(name(\"u\")).column(column(\"id\", \"bigint\").notNull()).primaryKey(\"u_pkey\", \"id\"));");
        write(
                sources,
                "r2",
                "r1",
                "",
                "op.createIndex(name(\"t\"), index(\"ix_t_s\").column(\"s\"));\n"
                        + "op.addUniqueConstraint(name(\"t\"), unique(\"t_s_key\", \"s\"));\n"
                        + "op.addForeignKey(name(\"t\"), foreignKey(\"t_a_fkey\", \"a\").references(name(\"u\"), \"id\"));\n"
                        + "op.addCheckConstraint(name(\"t\"), check(\"t_a_check\", \"a > 0\"));\n"
                        + "op.alterColumn(name(\"t\"), column(\"a\", \"integer\"), column(\"a\", \"bigint\"));\n"
                        + "op.alterColumn(name(\"t\"), column(\"s\", \"character varying(10)\"), column(\"s\", \"character varying(10)\").notNull());\n"
                        + "op.alterColumn(name(\"t\"), column(\"s\", \"character varying(10)\").notNull(), column(\"s\", \"character varying(20)\").notNull());\n"
                        + "op.addColumn(name(\"t\"), column(\"token\", \"uuid\").defaultValue(\"gen_random_uuid()\"));\n"
                        + "op.addColumn(name(\"t\"), column(\"created\", \"timestamp with time zone\").defaultValue(\"now()\"));\n"
                        + "op.renameColumn(name(\"u\"), \"id\", \"uid\");\n"
                        + "op.dropColumn(name(\"t\"), column(\"created\", \"timestamp with time zone\").defaultValue(\"now()\"));");
        write(
                sources,
                "r3",
                "r2",
                "@dev.autogen.migration.AcceptedRisk(rule = \"create-index-blocks-writes\", reason = \"t holds a dozen rows\")\n",
                "op.createIndex(name(\"t\"), index(\"ix_t_token\").column(\"token\"));");

        Autogen autogen = new Autogen(WITH_TIMEOUT, Migrations.fromSources(sources, work.resolve("cache")));
        List<LintFinding> findings = autogen.lint(null);
        assertThat(findings).allMatch(f -> f.revision().equals("r2"));
        assertThat(findings)
                .extracting(LintFinding::rule)
                .containsExactly(
                        "create-index-blocks-writes",
                        "add-unique-builds-index",
                        "add-foreign-key-validates",
                        "add-check-validates",
                        "type-change-rewrites",
                        "set-not-null-scans",
                        "volatile-default-rewrites",
                        "rename-breaks-running-code",
                        "drop-breaks-running-code");
        assertThat(findings.get(0).message())
                .isEqualTo(
                        "add index ix_t_s on public.t: takes SHARE and blocks every write to public.t while the"
                                + " index builds; on a busy table build it with create index concurrently, outside the transaction");
        assertThat(autogen.lint("r3")).isEmpty();

        Autogen noTimeout = new Autogen(
                new Settings(
                        () -> new ConnectionSettings("jdbc:postgresql://localhost/none", null, null),
                        "public",
                        "autogen_version",
                        List.of(),
                        List.of(),
                        new RunOptions(Duration.ofMinutes(5), Duration.ZERO),
                        dev.autogen.api.RunListener.NONE),
                Migrations.fromSources(sources, work.resolve("cache")));
        assertThat(noTimeout.lint("r1")).extracting(LintFinding::rule).containsExactly("no-lock-timeout");
    }

    @Test
    void theSamplesMigrationsAreClean() {
        Autogen autogen = new Autogen(
                WITH_TIMEOUT,
                Migrations.fromSources(
                        Path.of("../sample-entities/migrations").toAbsolutePath(), work.resolve("cache")));
        assertThat(autogen.lint(null)).isEmpty();
    }

    private static void write(Path sources, String id, String parent, String annotations, String body)
            throws IOException {
        Path file = sources.resolve("risky/M_" + id + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package risky;

                import static dev.autogen.migration.Definitions.*;

                import dev.autogen.migration.Migration;
                import dev.autogen.migration.Operations;
                import dev.autogen.migration.Revision;

                %s@Revision(id = "%s"%s, message = "%s", created = "2026-12-02T10:00:0%sZ")
                public final class M_%s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        %s
                    }
                }
                """.formatted(
                        annotations,
                        id,
                        parent.isEmpty() ? "" : ", revises = \"" + parent + "\"",
                        id,
                        id.substring(1),
                        id,
                        body));
    }
}
