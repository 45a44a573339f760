package dev.autogen.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.SchemaDiffer;
import dev.autogen.entities.EntityModel;
import dev.autogen.entities.EntityReader;
import dev.autogen.entities.EntitySource;
import dev.autogen.entities.Naming;
import dev.autogen.migration.Migration;
import dev.autogen.migration.RecordingOperations;
import dev.autogen.operations.Operation;
import dev.autogen.sample.Owner;
import dev.autogen.schema.Schema;
import dev.autogen.testing.GoldenFiles;
import dev.autogen.testing.JavaCompiler;
import dev.autogen.testing.TestClasspath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationWriterTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T09:30:00Z");

    @Test
    void generatedSampleMigrationMatchesItsGoldenFileCompilesAndRebuildsExactlyItsOperations() {
        List<Operation> upgrade = SchemaDiffer.diff(Schema.empty(), sampleModel());
        MigrationSource source = MigrationWriter.write("com.example.migrations",
                RevisionInfo.of("1a2b3c4d5e6f", List.of(), "Create the clinic schema", CREATED), upgrade);
        GoldenFiles.assertMatches("sample/" + source.className() + ".java", source.source());

        Migration migration = JavaCompiler.load(source);

        assertThat(RecordingOperations.upgrade(migration)).containsExactlyElementsOf(upgrade);
        assertThat(RecordingOperations.downgrade(migration)).containsExactlyElementsOf(reversed(upgrade));
    }

    @Test
    void sameInputGivesTheSameBytes() {
        List<Operation> upgrade = SchemaDiffer.diff(Schema.empty(), sampleModel());
        RevisionInfo revision = RevisionInfo.of("1a2b3c4d5e6f", List.of(), "Create the clinic schema", CREATED);
        assertThat(MigrationWriter.write("p", revision, upgrade).source())
                .isEqualTo(MigrationWriter.write("p", revision, SchemaDiffer.diff(Schema.empty(), sampleModel())).source());
    }

    @Test
    void classNamesSortInCreationOrderAndSayWhatChanged() {
        String first = MigrationWriter.className(RevisionInfo.of("a", List.of(), "add e-mail to owners!", Instant.parse("2026-01-02T03:04:05Z")));
        String second = MigrationWriter.className(RevisionInfo.of("b", List.of(), "Drop fax", Instant.parse("2026-01-10T00:00:00Z")));
        String unnamed = MigrationWriter.className(RevisionInfo.of("c", List.of(), "***", Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(first).isEqualTo("M20260102030405_AddEMailToOwners");
        assertThat(List.of(unnamed, second, first)).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(unnamed).isEqualTo("M20260201000000_Revision");
    }

    @Test
    void aMigrationTooBigForOneJavaMethodIsSplitIntoPartsThatCompileAndReplay() {
        List<dev.autogen.schema.Table> tables = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            List<dev.autogen.schema.Column> columns = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                columns.add(dev.autogen.schema.Column.of("column_" + c, "character varying(" + (10 + c) + ")", c > 0));
            }
            tables.add(dev.autogen.schema.Table.of(dev.autogen.schema.QualifiedName.of("public", "table_" + i), columns)
                    .withPrimaryKey(new dev.autogen.schema.PrimaryKey(null, List.of("column_0"))));
        }
        Schema big = new Schema(List.of("public"), tables, List.of(), List.of());
        List<Operation> upgrade = SchemaDiffer.diff(Schema.empty().withNamespaces(List.of("public")), big);
        MigrationSource source = MigrationWriter.write("big", RevisionInfo.of("b1", List.of(), "Big", CREATED), upgrade);

        assertThat(source.source()).contains("// In 8 parts: a Java method holds at most 64 KB of bytecode.", "private static void upgradePart8(Operations op)");
        Migration migration = JavaCompiler.load(source);
        assertThat(RecordingOperations.upgrade(migration)).containsExactlyElementsOf(upgrade);
        assertThat(RecordingOperations.downgrade(migration)).containsExactlyElementsOf(reversed(upgrade));
    }

    private static Schema sampleModel() {
        try (EntityModel model = EntityReader.read(EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING))) {
            return model.schema();
        }
    }

    private static List<Operation> reversed(List<Operation> operations) {
        List<Operation> reversed = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            reversed.add(operations.get(i).reverse());
        }
        return reversed;
    }
}
