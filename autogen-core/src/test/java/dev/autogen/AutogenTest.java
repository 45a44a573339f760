package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Migrations;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.Settings;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Schema;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade as an application or the command line uses it, over two generated revisions. */
@Tag("database")
class AutogenTest {

    @TempDir
    Path work;

    @Test
    void upgradesReportsAndGoesBackOneVerbAtATime() throws IOException {
        Schema empty = Schema.empty().withNamespaces(List.of("public"));
        Schema v1 = model(1);
        write("0001", List.of(), "Shop version 1", Pg.diff(empty, v1), 1);
        write(
                "0002",
                List.of("0001"),
                "Shop version 2",
                Pg.diff(new dev.autogen.internal.diff.DiffPropertiesTestAccess().named(v1), model(2)),
                2);

        try (TestDatabase db = TestDatabase.create()) {
            Autogen autogen = new Autogen(
                    Settings.of(db.settings()), Migrations.fromSources(work.resolve("src"), work.resolve("cache")));

            assertThat(autogen.heads()).extracting(RevisionInfo::id).containsExactly("0002");
            assertThat(autogen.current().revisions()).isEmpty();
            assertThat(autogen.upgrade("head").steps())
                    .extracting(s -> s.revision())
                    .containsExactly("0001", "0002");
            assertThat(autogen.current().revisions())
                    .extracting(e -> e.revision().id())
                    .containsExactly("0002");
            assertThat(autogen.current().atHeads()).isTrue();

            assertThat(autogen.downgrade("-1").after()).containsExactly("0001");
            assertThat(autogen.current().atHeads()).isFalse();
            assertThat(autogen.history(null))
                    .extracting(e -> e.revision().id() + (e.current() ? " current" : "") + (e.head() ? " head" : ""))
                    .containsExactly("0002 head", "0001 current");

            assertThat(autogen.stamp("head").after()).containsExactly("0002");
            assertThat(autogen.stamp("0001").after())
                    .as("stamping back, as the schema is still at 0001")
                    .containsExactly("0001");
            assertThat(autogen.upgradeSql("0001:0002"))
                    .contains(
                            "-- upgrade 0002: Shop version 2",
                            "update public.autogen_version set version_num = '0002' where version_num = '0001'");
            assertThat(autogen.downgrade("base").after()).isEmpty();
        }
    }

    private Schema model(int version) {
        EntitySource source = EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures.evolution.v" + version))
                .withNaming(Naming.SPRING);
        return Pg.entities(source);
    }

    private void write(String id, List<String> revises, String message, List<Operation> upgrade, int day)
            throws IOException {
        MigrationSource source = Pg.writer("com.example.shop")
                .write(RevisionInfo.of(id, revises, message, Instant.parse("2026-11-0" + day + "T00:00:00Z")), upgrade);
        Path file = work.resolve("src").resolve(source.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.source());
    }
}
