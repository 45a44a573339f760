package dev.autogen.cli;

import static dev.autogen.cli.WorkflowIT.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that need quoting in every way: mixed case, reserved words, spaces, embedded quotes, non-ASCII,
 * and longer than PostgreSQL's 63 bytes; literals with quotes in comments and defaults.
 */
class HostileNamesIT {

    static final String ENTITY = """
            package com.example.shop;

            import jakarta.persistence.*;
            import org.hibernate.annotations.Check;
            import org.hibernate.annotations.ColumnDefault;
            import org.hibernate.annotations.Comment;

            @Entity
            @Table(name = "`Order Lines`", schema = "`Sales Dept`")
            @Comment("Lines of O'Brien's \\"orders\\"")
            @Check(constraints = "\\"Größe\\" >= 0")
            public class OrderLine {
                @Id @Column(name = "`select`") Long id;
                @Column(name = "`Mixed Case`", length = 20) String mixed;
                @Column(name = "`say \\"hi\\"`") String quoted;
                @Column(name = "`Größe`") Integer size;
                @Column(name = "`naïve ünïcödé column whose name is far longer than the sixty-three bytes PostgreSQL keeps`")
                String longName;
                @Column(name = "`it's`", length = 30) @ColumnDefault("'it''s'") @Comment("a \\"quoted\\" it's") String apostrophe;
                @ManyToOne @JoinColumn(name = "`Parent ID`") Parent parent;
            }
            """;

    static final String PARENT = """
            package com.example.shop;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "`user`", schema = "`Sales Dept`")
            public class Parent {
                @Id @Column(name = "`order`") Long id;
                @Column(name = "`Größe`", unique = true) Integer size;
            }
            """;

    @TempDir
    Path project;

    @Test
    void goesThroughRevisionUpgradeCheckAndDowngradeBase() throws Exception {
        EntityVersions.compile(
                project.resolve("build/classes"), Map.of("OrderLine.java", ENTITY, "Parent.java", PARENT));
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            assertSuccess(cli.run("init"));
            Properties.set(project, "entities.classpath", "build/classes");
            String empty = snapshot(db);

            assertSuccess(
                    cli.run("revision", "--autogenerate", "-m", "hostile names", "--rev-id", "0001"),
                    "add schema Sales Dept",
                    "add table Sales Dept.Order Lines",
                    "add table Sales Dept.user");
            assertSuccess(cli.run("upgrade", "head"), "Now at: 0001");
            assertThat(snapshot(db))
                    .contains(
                            "Sales Dept.Order Lines.naïve ünïcödé column whose name is far longer than the six",
                            "Sales Dept.Order Lines.say \"hi\"",
                            "Sales Dept.Order Lines.it's",
                            "Sales Dept.user.order");
            assertSuccess(cli.run("check"), "No differences: the database matches the entities.");
            assertSuccess(
                    cli.run("upgrade", "--sql", "base:head"),
                    "create schema \"Sales Dept\"",
                    "\"say \"\"hi\"\"\" character varying(255)",
                    "comment on table \"Sales Dept\".\"Order Lines\" is 'Lines of O''Brien''s \"orders\"'");
            assertSuccess(cli.run("downgrade", "base"), "Now at: base");
            assertThat(snapshot(db)).isEqualTo(empty);
        }
    }

    private static String snapshot(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return String.join(
                    "\n",
                    Snapshot.database(connection).stream()
                            .filter(row -> !row.startsWith("public.autogen_version"))
                            .toList());
        }
    }
}
