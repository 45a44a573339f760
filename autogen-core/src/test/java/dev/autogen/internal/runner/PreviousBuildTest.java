package dev.autogen.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A database migrated by the build before the version tables had a format: its tables exactly as that
 * build created them, and its history as it recorded it, with checksums of a text this build no longer
 * computes. This build upgrades, downgrades and stamps it.
 */
@Tag("database")
class PreviousBuildTest {

    /** What the previous build's VersionTables.create() ran, and what it recorded after upgrading to r2. */
    private static final List<String> PREVIOUS_BUILD = List.of(
            "create table if not exists public.autogen_version (version_num character varying(64) not null primary key)",
            "create table if not exists public.autogen_version_history (id bigint generated always as identity primary key, "
                    + "revision character varying(64) not null, direction character varying(9) not null, "
                    + "applied_at timestamp with time zone not null default now(), duration_ms bigint, "
                    + "applied_by text not null default current_user, checksum character varying(64), note text)",
            "create table public.t1 (id integer not null, constraint t1_pkey primary key (id))",
            "create table public.t2 (id integer not null, constraint t2_pkey primary key (id))",
            "insert into public.autogen_version values ('r2')",
            "insert into public.autogen_version_history (revision, direction, duration_ms, checksum) values "
                    + "('r1', 'upgrade', 12, '0f3c1e6b2a9d8c7f6e5d4c3b2a190817263544536271809a8b7c6d5e4f3a2b1c'), "
                    + "('r2', 'upgrade', 9, '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d')");

    private final RevisionGraph graph = RevisionGraph.of(List.of(
            RunnerTest.node("r1", List.of(), List.of(), RunnerTest.createTable("t1")),
            RunnerTest.node("r2", List.of("r1"), List.of(), RunnerTest.createTable("t2")),
            RunnerTest.node("r3", List.of("r2"), List.of(), RunnerTest.createTable("t3"))));
    private final Runner runner = new Runner(
            graph, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, RunListener.NONE);

    @Test
    void itsHistoryIsCarriedOverOnceAndThenUpgradesDowngradesAndStampsWork() throws SQLException {
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            db.execute(PREVIOUS_BUILD);

            assertThat(runner.upgrade(c, "head").after()).containsExactly("r3");
            assertThat(format(c)).isEqualTo("autogen tables " + dev.autogen.internal.dialect.VersionTableSql.FORMAT);
            assertThat(
                            rows(
                                    c,
                                    "select revision || ' ' || direction || ' ' || coalesce(note, '') from autogen_version_history order by id"))
                    .containsExactly(
                            "r1 upgrade ",
                            "r2 upgrade ",
                            "r1 stamp checksum recorded anew by autogen's table format 2",
                            "r2 stamp checksum recorded anew by autogen's table format 2",
                            "r3 upgrade ");

            assertThat(runner.downgrade(c, "r1").after()).containsExactly("r1");
            assertThat(rows(c, "select tablename from pg_tables where tablename like 't_' order by 1"))
                    .containsExactly("t1");
            assertThat(runner.stamp(c, "head").after()).containsExactly("r3");
            assertThat(runner.stamp(c, "r1").after())
                    .as("back to where the schema is")
                    .containsExactly("r1");
            assertThat(runner.downgrade(c, "base").after()).isEmpty();
            assertThat(rows(c, "select tablename from pg_tables where tablename like 't_' order by 1"))
                    .isEmpty();
            assertThat(
                            rows(
                                    c,
                                    "select count(*)::text from autogen_version_history where note like 'checksum recorded anew%'"))
                    .as("carried over once")
                    .containsExactly("2");
        }
    }

    @Test
    void checksumsOfMigrationsWithJavaStepsAreRecordedAnewOnceByFormat4() throws SQLException {
        RevisionGraph withJava = RevisionGraph.of(List.of(
                RunnerTest.node("r1", List.of(), List.of(), RunnerTest.createTable("t1")),
                new RevisionNode(
                        new RevisionInfo(
                                "r2",
                                List.of("r1"),
                                List.of(),
                                List.of(),
                                "fill",
                                Instant.parse("2026-12-07T10:00:00Z")),
                        "r2",
                        new FillT1())));
        Runner runs = new Runner(
                withJava, PostgresDialect.INSTANCE, "public", "autogen_version", RunOptions.DEFAULT, RunListener.NONE);
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            runs.upgrade(c, "head");
            // As format 3 left it: r2's checksum did not cover its Java step's code.
            db.execute(
                    "update autogen_version_history set checksum = repeat('0', 64) where revision = 'r2'",
                    "comment on table autogen_version_history is 'autogen tables 3'");

            assertThat(runs.downgrade(c, "r1").after()).containsExactly("r1");
            assertThat(format(c)).isEqualTo("autogen tables 4");
            assertThat(rows(
                            c,
                            "select revision || ' ' || note from autogen_version_history where note like 'checksum%'"))
                    .containsExactly("r2 checksum recorded anew by autogen's table format 4");
        }
    }

    /** A migration with a Java step, compiled as a class of its own (a lambda's class has no class file). */
    static final class FillT1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute(
                    connection -> connection.createStatement().execute("insert into t1 values (1)"),
                    connection -> connection.createStatement().execute("delete from t1"));
        }
    }

    private static String format(Connection c) throws SQLException {
        return rows(c, "select obj_description('public.autogen_version_history'::regclass, 'pg_class')")
                .get(0);
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
