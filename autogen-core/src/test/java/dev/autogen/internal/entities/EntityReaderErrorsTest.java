package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.EntitySource;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Naming;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class EntityReaderErrorsTest {

    @Test
    void namesAClasspathEntryThatDoesNotExist() {
        assertThatThrownBy(() -> Pg.read(EntitySource.of(List.of("build/no-such-classes"))))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining("classpath entry 'build/no-such-classes' does not exist")
                .hasMessageContaining("fix entities.classpath")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.CLASSPATH_ENTRY_MISSING);
    }

    @Test
    void namesTwoColumnsAndTwoTablesTheDatabaseWouldCutToOneName(@TempDir Path work) {
        String longer = "a_name_long_enough_that_postgresql_keeps_only_its_first_sixty_three_bytes";
        Path columns = dev.autogen.testing.EntityChange.compile(
                work.resolve("columns"),
                java.util.Map.of(
                        "Wide.java",
                        "@Entity public class Wide { @Id Long id; @Column(name = \"" + longer + "_one\") String one;"
                                + " @Column(name = \"" + longer + "_two\") String two; }"));
        assertThatThrownBy(() -> Pg.read(EntitySource.of(List.of(columns.toString()))))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining("columns " + longer + "_one and " + longer
                        + "_two of table Wide are both stored as " + longer.substring(0, 63))
                .hasMessageContaining("entity change.Wide")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.MAPPING_REJECTED);

        Path tables = dev.autogen.testing.EntityChange.compile(
                work.resolve("tables"),
                java.util.Map.of(
                        "One.java",
                        "@Entity @Table(name = \"" + longer + "_one\") public class One { @Id Long id; }",
                        "Two.java",
                        "@Entity @Table(name = \"" + longer + "_two\") public class Two { @Id Long id; }"));
        assertThatThrownBy(() -> Pg.read(EntitySource.of(List.of(tables.toString()))))
                .hasMessageContaining("tables " + longer + "_one and " + longer + "_two are both stored as public."
                        + longer.substring(0, 63));
    }

    @Test
    void namesAGlobOverAMissingDirectory() {
        assertThatThrownBy(() -> Pg.read(EntitySource.of(List.of("no-such-lib/*"))))
                .hasMessageContaining("classpath entry 'no-such-lib/*' does not exist");
    }

    @Test
    void saysWhenTheClasspathHoldsNoEntities(@TempDir Path empty) {
        assertThatThrownBy(() -> Pg.read(EntitySource.of(List.of(empty.toString()))))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining("no @Entity classes found in")
                .hasMessageContaining(empty.toString())
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.NO_ENTITIES);
    }

    @Test
    void saysWhenThePackageFilterMatchesNoEntities() {
        EntitySource source =
                EntitySource.of(List.of(TestClasspath.testClasses())).withPackages(List.of("com.example.none"));
        assertThatThrownBy(() -> Pg.read(source))
                .hasMessageContaining("under packages [com.example.none]")
                .hasMessageContaining("check entities.packages");
    }

    @Test
    void passesOnHibernatesRejectionNamingTheClass() {
        EntitySource source = EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures.broken"));
        assertThatThrownBy(() -> Pg.read(source))
                .isInstanceOf(AutogenException.class)
                .hasMessageStartingWith("Hibernate rejected the entities:")
                .hasMessageContaining("dev.autogen.fixtures.broken.NoId")
                .hasMessageContaining("identifier")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.MAPPING_REJECTED);
    }

    @Test
    void namesANamingStrategyThatCannotBeLoaded() {
        EntitySource source = EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures.ids"))
                .withNaming(Naming.parse("com.example.Physical, com.example.Implicit"));
        assertThatThrownBy(() -> Pg.read(source))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining("naming strategy com.example.Physical cannot be used")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.NAMING_STRATEGY_INVALID);
    }

    @Test
    void aKeyNamingAColumnTheTableDoesNotHaveIsAnErrorNamingTheEntityAndTheColumnsThereAre() {
        // The sample's keys are written for Spring's snake_case names; Hibernate's own naming spells them lineNumber.
        EntitySource source = EntitySource.of(List.of(TestClasspath.locationOf(dev.autogen.sample.Owner.class)))
                .withNaming(Naming.HIBERNATE);
        assertThatThrownBy(() -> Pg.read(source))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining(
                        "entity dev.autogen.sample.Invoice: index idx_invoice_issued_on names column issued_on,"
                                + " which table Invoice does not have")
                .hasMessageContaining("its columns are [discount, issuedOn, total, id, version, visit_id]")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.MAPPING_REJECTED);
    }
}
