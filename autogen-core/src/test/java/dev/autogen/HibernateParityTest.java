package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.sample.Owner;
import dev.autogen.testing.Catalog;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestProjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every entity set in the tests, in both namings: a database a running application's Hibernate
 * created is clean for {@code check} and gives {@code revision --autogenerate} nothing to write; and
 * autogen's own first migration builds, from empty, exactly the catalog Hibernate creates, column order,
 * key order and every name included.
 */
@Tag("database")
class HibernateParityTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} with {1} naming")
    @CsvSource({
        "sample, spring",
        "ids, hibernate",
        "ids, spring",
        "enums, hibernate",
        "enums, spring",
        "embeddables, hibernate",
        "embeddables, spring",
        "associations, hibernate",
        "associations, spring",
        "inheritance, hibernate",
        "inheritance, spring",
        "constraints, hibernate",
        "constraints, spring",
        "keys, hibernate",
        "keys, spring",
        "mappings, hibernate",
        "mappings, spring",
        "validation, hibernate",
        "validation, spring",
        "verbatim, hibernate",
        "serials, hibernate",
    })
    void hibernatesSchemaIsCleanAndAutogensFirstMigrationBuildsTheSameCatalog(String family, String naming) {
        // The build's other PostgreSQL versions may run one naming: naming is Hibernate's side, not the server's.
        String only = System.getProperty("autogen.test.parity.naming");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                only == null || only.equals(naming) || family.equals("sample"), "only " + only + " naming here");
        EntitySource entities = family.equals("sample")
                ? EntitySource.of(List.of(TestClasspath.locationOf(Owner.class)))
                        .withPackages(List.of("dev.autogen.sample"))
                        .withNaming(Naming.parse(naming))
                : EntitySource.of(List.of(TestClasspath.testClasses()))
                        .withPackages(List.of("dev.autogen.fixtures." + family))
                        .withNaming(Naming.parse(naming));
        try (TestDatabase hibernates = TestDatabase.create();
                TestDatabase ours = TestDatabase.create()) {
            HibernateApplication.create(hibernates, entities);
            Autogen onHibernates = autogen(hibernates, entities, "hibernates");
            assertThat(onHibernates.check())
                    .as("check on the database Hibernate created")
                    .isEmpty();
            RevisionResult nothing = onHibernates.revision(RevisionRequest.autogenerate("nothing"));
            assertThat(nothing.written()).as("revision --autogenerate on it").isEmpty();

            Autogen onOurs = autogen(ours, entities, "ours");
            RevisionResult first = onOurs.revision(RevisionRequest.autogenerate("first"));
            assertThat(first.written()).isPresent();
            onOurs.upgrade("head");
            assertThat(Catalog.of(ours)).containsExactlyElementsOf(Catalog.of(hibernates));
            assertThat(onOurs.check()).isEmpty();
        }
    }

    private Autogen autogen(TestDatabase db, EntitySource entities, String name) {
        return TestProjects.autogen(work.resolve(name), db, entities);
    }
}
