package dev.autogen.internal.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.Autogen;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.sample.Owner;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.MariaDbCatalog;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestMariaDb;
import dev.autogen.testing.TestProjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On a real MariaDB, for entity sets in both namings: the database a running application's Hibernate
 * creates ({@code MariaDBDialect}) is clean for {@code check}; autogen's first migration builds, from empty,
 * exactly what MariaDB prints for Hibernate's ({@code show create table}); and {@code downgrade base} leaves
 * nothing but autogen's own tables. Left out: the sample and the mappings set, which map PostgreSQL types
 * that Hibernate's MariaDB dialect has none for (a named enum; inet, intervals), enums (PostgreSQL's named
 * enum types) and verbatim (PostgreSQL's DDL).
 */
@Tag("database")
@EnabledIf("dev.autogen.testing.TestMariaDb#available")
class MariaDbParityTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} with {1} naming")
    @CsvSource({
        "ids, hibernate",
        "ids, spring",
        "associations, hibernate",
        "associations, spring",
        "embeddables, hibernate",
        "embeddables, spring",
        "inheritance, hibernate",
        "inheritance, spring",
        "constraints, hibernate",
        "constraints, spring",
        "keys, hibernate",
        "keys, spring",
        "validation, hibernate",
        "validation, spring",
    })
    void hibernatesSchemaIsCleanAndTheFirstMigrationBuildsItAndGoesBackToBase(String family, String naming) {
        EntitySource entities = family.equals("sample")
                ? EntitySource.of(List.of(TestClasspath.locationOf(Owner.class)))
                        .withPackages(List.of("dev.autogen.sample"))
                        .withNaming(Naming.parse(naming))
                : EntitySource.of(List.of(TestClasspath.testClasses()))
                        .withPackages(List.of("dev.autogen.fixtures." + family))
                        .withNaming(Naming.parse(naming));
        try (TestMariaDb hibernates = TestMariaDb.create();
                TestMariaDb ours = TestMariaDb.create()) {
            HibernateApplication.create(hibernates.settings(), entities);
            Autogen onHibernates = autogen(hibernates, entities, "hibernates");
            assertThat(onHibernates.check())
                    .as("check on the database Hibernate created")
                    .isEmpty();

            Autogen onOurs = autogen(ours, entities, "ours");
            RevisionResult first = onOurs.revision(RevisionRequest.autogenerate("first"));
            assertThat(first.written()).isPresent();
            onOurs.upgrade("head");
            assertThat(MariaDbCatalog.of(ours)).containsExactlyElementsOf(MariaDbCatalog.of(hibernates));
            assertThat(onOurs.check()).isEmpty();

            onOurs.downgrade("base");
            assertThat(MariaDbCatalog.of(ours))
                    .as("nothing left but autogen's tables")
                    .isEmpty();
            assertThat(ours.query("select count(*) from autogen_version")).containsExactly("0");
        }
    }

    private Autogen autogen(TestMariaDb db, EntitySource entities, String name) {
        return TestProjects.autogen(work.resolve(name), db, entities);
    }
}
