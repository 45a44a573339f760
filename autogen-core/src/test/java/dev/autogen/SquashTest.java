package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.HistoryEntry;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionResult;
import dev.autogen.api.Settings;
import dev.autogen.testing.Catalog;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A squash of a range with a branch and a merge: a database at any revision, inside the range or not,
 * upgrades to head and reaches the same schema; new databases run the squash alone; history shows it.
 */
@Tag("database")
class SquashTest {

    @TempDir
    Path work;

    @Test
    void everyDatabaseReachesTheSameSchemaWhereverItStarts() throws IOException {
        Path sources = work.resolve("migrations");
        write(
                sources,
                "r1",
                List.of(),
                "op.createTable(table(name(\"a\")).column(column(\"id\", \"bigint\").notNull()).primaryKey(\"a_pkey\", \"id\"));");
        write(
                sources,
                "r2",
                List.of("r1"),
                "op.addColumn(name(\"a\"), column(\"label\", \"text\"));\n"
                        + "op.createTable(table(name(\"b\")).column(column(\"id\", \"bigint\").notNull()).primaryKey(\"b_pkey\", \"id\"));");
        write(sources, "r3a", List.of("r2"), "op.createTable(table(name(\"c\")).column(column(\"id\", \"bigint\")));");
        write(
                sources,
                "r3b",
                List.of("r2"),
                "op.addColumn(name(\"b\"), column(\"note\", \"character varying(20)\"));\n"
                        + "op.alterColumn(name(\"b\"), column(\"note\", \"character varying(20)\"), column(\"note\", \"character varying(40)\"));");
        write(sources, "r4", List.of("r3a", "r3b"), "op.dropColumn(name(\"a\"), column(\"label\", \"text\"));");
        write(sources, "r5", List.of("r4"), "op.createTable(table(name(\"d\")).column(column(\"id\", \"bigint\")));");

        List<String> expected;
        try (TestDatabase reference = TestDatabase.create()) {
            autogen(reference, sources).upgrade("heads");
            expected = Catalog.of(reference);
        }

        try (TestDatabase scratch = TestDatabase.create()) {
            RevisionResult squash = autogen(scratch, sources)
                    .squash("r2", "r4", "Squash r2 to r4", "s24", Instant.parse("2026-12-02T12:00:00Z"));
            String source = Files.readString(squash.file());
            assertThat(source)
                    .containsPattern("replaces = \\{\\s*\"r2\",\\s*\"r3a\",\\s*\"r3b\",\\s*\"r4\"\\s*}")
                    .contains("revises = \"r1\"")
                    .contains("column(\"note\", \"character varying(40)\")")
                    .doesNotContain("op.alterColumn")
                    .doesNotContain("label");
        }

        for (List<String> start : List.<List<String>>of(
                List.of(),
                List.of("r1"),
                List.of("r2"),
                List.of("r3a"),
                List.of("r3a", "r3b"),
                List.of("r4"),
                List.of("r5"))) {
            try (TestDatabase db = TestDatabase.create()) {
                Autogen autogen = autogen(db, sources);
                start.forEach(autogen::upgrade);
                List<String> ran = autogen.upgrade("heads").steps().stream()
                        .map(s -> s.revision())
                        .toList();
                assertThat(Catalog.of(db)).as("from %s", start).isEqualTo(expected);
                assertThat(db.query("select version_num from autogen_version"))
                        .as("from %s", start)
                        .containsExactly("r5");
                boolean untouched = start.isEmpty() || start.equals(List.of("r1"));
                assertThat(ran.contains("s24"))
                        .as("from %s, ran %s", start, ran)
                        .isEqualTo(untouched);
                if (untouched) {
                    assertThat(ran).as("the squash ran in their place").doesNotContain("r2", "r3a", "r3b", "r4");
                }
            }
        }

        try (TestDatabase db = TestDatabase.create()) {
            Autogen autogen = autogen(db, sources);
            autogen.upgrade("heads");
            autogen.downgrade("base");
            assertThat(
                            db.query(
                                    "select count(*) from pg_tables where schemaname = 'public' and tablename in ('a','b','c','d')"))
                    .containsExactly("0");
            List<HistoryEntry> history = autogen.history(null);
            assertThat(history).extracting(e -> e.revision().id()).containsSubsequence("r5", "s24", "r4");
            assertThat(history.stream()
                            .filter(e -> e.revision().id().equals("s24"))
                            .findFirst()
                            .orElseThrow()
                            .revision()
                            .replaces())
                    .containsExactly("r2", "r3a", "r3b", "r4");
        }
    }

    private Autogen autogen(TestDatabase db, Path sources) {
        return Autogen.forProject(
                Settings.of(db.settings()), new Project(sources, "squash", work.resolve("cache"), null));
    }

    private static void write(Path sources, String id, List<String> revises, String body) throws IOException {
        Path file = sources.resolve("squash/M_" + id + ".java");
        Files.createDirectories(file.getParent());
        String parents = revises.isEmpty() ? "" : ", revises = {\"" + String.join("\", \"", revises) + "\"}";
        Files.writeString(file, """
                package squash;

                import static dev.autogen.migration.Definitions.*;

                import dev.autogen.migration.Migration;
                import dev.autogen.migration.Operations;
                import dev.autogen.migration.Revision;

                @Revision(id = "%s"%s, message = "%s", created = "2026-12-02T10:00:0%dZ")
                public final class M_%s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        %s
                    }
                }
                """.formatted(id, parents, id, id.charAt(1) - '0', id, body));
    }
}
