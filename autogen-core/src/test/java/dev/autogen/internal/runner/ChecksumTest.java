package dev.autogen.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.CanonicalText;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.Migration;
import dev.autogen.sample.Owner;
import dev.autogen.testing.GoldenFiles;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checksum of an applied migration is over a fixed, documented text: pinned here, so that it never drifts. */
class ChecksumTest {

    /** Operations without Java steps: the migration's code is not part of their checksum. */
    private static final Migration NO_JAVA = op -> {};

    @Test
    void theCanonicalTextOfTheSampleIsPinned() {
        Schema sample = Pg.entities(
                EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING));
        List<Operation> upgrade = Pg.diff(Schema.empty().withNamespaces(List.of("public")), sample);
        CanonicalText text = new CanonicalText("public");
        String lines = upgrade.stream().map(text::of).collect(Collectors.joining("\n", "", "\n"));
        GoldenFiles.assertMatches(
                "checksum/sample.txt", lines + "sha256 " + Step.checksum(NO_JAVA, upgrade, "public") + "\n");
        GoldenFiles.assertNoOthers("checksum", List.of("checksum/sample.txt"));
    }

    @Test
    void spellsEachPartOutAndLeavesTheDefaultSchemaOut() {
        QualifiedName owner = new QualifiedName("public", "owner");
        Column email = Column.of("email", "character varying(160)", true).withComment("say \"hi\"\n");
        assertThat(new CanonicalText("public").of(new AddColumn(owner, email)))
                .isEqualTo(
                        "add_column table=\"owner\" column={name=\"email\" type=\"character varying(160)\" nullable=true default=null"
                                + " identity=\"none\" generated=null comment=\"say \\\"hi\\\"\\u000a\"}");
        assertThat(new CanonicalText("shop").of(new AddColumn(owner, email)))
                .startsWith("add_column table=\"public\".\"owner\" ");
        assertThat(new CanonicalText("public").of(new Execute("select 1", null)))
                .isEqualTo("execute sql=\"select 1\" reverse_sql=null");
    }

    @Test
    void aColumnAddedOrDroppedInstantlyIsNamedSoAndAPlainOneReadsAsBefore() {
        QualifiedName t = new QualifiedName("public", "t");
        Column c = Column.of("c", "text", true);
        CanonicalText text = new CanonicalText("public");
        assertThat(text.of(new AddColumn(t, c, true))).isEqualTo(text.of(new AddColumn(t, c)) + " instantly=true");
        assertThat(text.of(new DropColumn(t, c, true))).isEqualTo(text.of(new DropColumn(t, c)) + " instantly=true");
        assertThat(text.of(new AddColumn(t, c))).doesNotContain("instantly");
    }

    @Test
    void theDefaultSchemaSettingDoesNotChangeAChecksum() {
        List<Operation> inPublic =
                List.of(new AddColumn(new QualifiedName("public", "t"), Column.of("c", "text", true)));
        List<Operation> inShop = List.of(new AddColumn(new QualifiedName("shop", "t"), Column.of("c", "text", true)));
        assertThat(Step.checksum(NO_JAVA, inPublic, "public"))
                .isEqualTo(Step.checksum(NO_JAVA, inShop, "shop"))
                .isNotEqualTo(Step.checksum(NO_JAVA, inPublic, "shop"));
    }
}
