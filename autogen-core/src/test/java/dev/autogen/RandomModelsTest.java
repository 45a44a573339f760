package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionRequest;
import dev.autogen.testing.Catalog;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.RandomModel;
import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestProjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models nobody wrote by hand, drawn from seeds: on each, the database a running application's Hibernate
 * creates is clean for {@code check}, and autogen's first migration builds exactly its catalog, is clean
 * after, and its downgrade leaves nothing.
 */
@Tag("database")
class RandomModelsTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void hibernatesSchemaIsCleanAndTheFirstMigrationBuildsItExactly(long seed) {
        Path classes = EntityChange.compile(work.resolve("classes"), RandomModel.sources(seed));
        EntitySource entities = EntitySource.of(List.of(classes.toString()))
                .withNaming(seed % 2 == 0 ? Naming.SPRING : Naming.HIBERNATE);
        try (TestDatabase hibernates = TestDatabase.create();
                TestDatabase ours = TestDatabase.create()) {
            HibernateApplication.createFrom(hibernates, entities, classes);
            Autogen onHibernates = autogen(hibernates, entities, "hibernates");
            assertThat(onHibernates.check())
                    .as("check on the database Hibernate created")
                    .isEmpty();

            Autogen onOurs = autogen(ours, entities, "ours");
            assertThat(onOurs.revision(RevisionRequest.autogenerate("first")).written())
                    .isPresent();
            onOurs.upgrade("head");
            assertThat(Catalog.of(ours)).containsExactlyElementsOf(Catalog.of(hibernates));
            assertThat(onOurs.check()).as("check after upgrade head").isEmpty();

            onOurs.downgrade("base");
            assertThat(Catalog.of(ours)).as("after downgrade base").isEmpty();
        }
    }

    private Autogen autogen(TestDatabase db, EntitySource entities, String name) {
        return TestProjects.autogen(work.resolve(name), db, entities);
    }
}
