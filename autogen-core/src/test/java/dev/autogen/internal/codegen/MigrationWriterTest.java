package dev.autogen.internal.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.Migration;
import dev.autogen.sample.Owner;
import dev.autogen.testing.JavaCompiler;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationWriterTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T09:30:00Z");

    /** The sample project's committed first migration: the golden file of the writer's output. */
    private static final Path SAMPLE_MIGRATION = Path.of(
            "../sample-entities/migrations/dev/autogen/sample/migrations/M20261202154054_CreateTheClinicSchema.java");

    @Test
    void generatedSampleMigrationMatchesTheCommittedOneCompilesAndRebuildsExactlyItsOperations() throws IOException {
        List<Operation> upgrade = Pg.diff(Schema.empty().withNamespaces(List.of("public")), sampleModel());
        MigrationSource source = Pg.writer("dev.autogen.sample.migrations")
                .write(
                        RevisionInfo.of(
                                "e89e354cca42",
                                List.of(),
                                "Create the clinic schema",
                                Instant.parse("2026-12-02T15:40:54Z")),
                        upgrade);
        assertThat(source.className() + ".java")
                .isEqualTo(SAMPLE_MIGRATION.getFileName().toString());
        assertThat(source.source())
                .as("regenerate %s when the writer's output changes on purpose", SAMPLE_MIGRATION)
                .isEqualTo(Files.readString(SAMPLE_MIGRATION));

        Migration migration = JavaCompiler.load(source);

        assertThat(Pg.upgrade(migration)).containsExactlyElementsOf(upgrade);
        assertThat(Pg.downgrade(migration)).containsExactlyElementsOf(reversed(upgrade));
    }

    @Test
    void sameInputGivesTheSameBytes() {
        List<Operation> upgrade = Pg.diff(Schema.empty(), sampleModel());
        RevisionInfo revision = RevisionInfo.of("1a2b3c4d5e6f", List.of(), "Create the clinic schema", CREATED);
        assertThat(Pg.writer("p").write(revision, upgrade).source())
                .isEqualTo(Pg.writer("p")
                        .write(revision, Pg.diff(Schema.empty(), sampleModel()))
                        .source());
    }

    @Test
    void classNamesSortInCreationOrderAndSayWhatChanged() {
        String first = MigrationWriter.className(
                RevisionInfo.of("a", List.of(), "add e-mail to owners!", Instant.parse("2026-01-02T03:04:05Z")));
        String second = MigrationWriter.className(
                RevisionInfo.of("b", List.of(), "Drop fax", Instant.parse("2026-01-10T00:00:00Z")));
        String unnamed = MigrationWriter.className(
                RevisionInfo.of("c", List.of(), "***", Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(first).isEqualTo("M20260102030405_AddEMailToOwners");
        assertThat(List.of(unnamed, second, first)).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(unnamed).isEqualTo("M20260201000000_Revision");
    }

    @Test
    void aMigrationTooBigForOneJavaMethodIsSplitIntoPartsThatCompileAndReplayAndItsLongDropsAreLeftToUndo() {
        List<Operation> upgrade = creatingTables(600);
        MigrationSource source = Pg.writer("big").write(RevisionInfo.of("b1", List.of(), "Big", CREATED), upgrade);

        assertThat(source.source())
                .containsPattern("// In \\d+ parts: a Java method holds at most 64 KB of bytecode.")
                .contains("private static void upgradePart2(Operations op)")
                // Only dropping what the upgrade creates, the downgrade is left to undo (and not compiled twice).
                .contains("// The reverse of each call of upgrade, last first: 600 calls, too many to write out.\n"
                        + "        op.undo(this);")
                .doesNotContain("downgradePart");
        Migration migration = JavaCompiler.load(source);
        assertThat(Pg.upgrade(migration)).containsExactlyElementsOf(upgrade);
        assertThat(Pg.downgrade(migration)).containsExactlyElementsOf(reversed(upgrade));
    }

    @Test
    void aMigrationOfManyPartsKeepsThemInClassesOfTheirOwnThatCompileAndReplay() {
        List<Operation> upgrade = creatingTables(3_000);
        MigrationSource source = Pg.writer("big").write(RevisionInfo.of("b2", List.of(), "Bigger", CREATED), upgrade);

        // A class holds at most 65,535 constants: 7,000 such tables in one class would not compile.
        assertThat(source.source())
                .containsPattern("// In \\d+ parts, 50 to a class: a Java method holds at most 64 KB of bytecode,"
                        + " a class 65,535 constants.")
                .contains("UpgradeParts1.upgradePart1(op);")
                .contains("UpgradeParts2.upgradePart51(op);")
                .contains("private static final class UpgradeParts2 {");
        Migration migration = JavaCompiler.load(source);
        assertThat(Pg.upgrade(migration)).containsExactlyElementsOf(upgrade);
        assertThat(Pg.downgrade(migration)).containsExactlyElementsOf(reversed(upgrade));
    }

    /** The upgrade that creates {@code count} tables of ten columns each. */
    private static List<Operation> creatingTables(int count) {
        List<dev.autogen.internal.schema.Table> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<dev.autogen.internal.schema.Column> columns = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                columns.add(dev.autogen.internal.schema.Column.of(
                        "column_" + c, "character varying(" + (10 + c) + ")", c > 0));
            }
            tables.add(dev.autogen.internal.schema.Table.of(
                            dev.autogen.internal.schema.QualifiedName.of("public", "table_" + i), columns)
                    .withPrimaryKey(new dev.autogen.internal.schema.PrimaryKey(null, List.of("column_0"))));
        }
        Schema big = new Schema(List.of("public"), tables, List.of(), List.of());
        return Pg.diff(Schema.empty().withNamespaces(List.of("public")), big);
    }

    private static Schema sampleModel() {
        return Pg.entities(
                EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING));
    }

    private static List<Operation> reversed(List<Operation> operations) {
        return Recorder.reversed(operations);
    }
}
