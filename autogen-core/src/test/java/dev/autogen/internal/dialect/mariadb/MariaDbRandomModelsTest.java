package dev.autogen.internal.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.Autogen;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionRequest;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.MariaDbCatalog;
import dev.autogen.testing.RandomModel;
import dev.autogen.testing.TestMariaDb;
import dev.autogen.testing.TestProjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The random models of {@code RandomModelsTest}, on MariaDB: the database Hibernate creates is clean for
 * {@code check}, autogen's first migration builds what MariaDB prints for it, and {@code downgrade base}
 * leaves nothing.
 */
@Tag("database")
@EnabledIf("dev.autogen.testing.TestMariaDb#available")
class MariaDbRandomModelsTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hibernatesSchemaIsCleanAndTheFirstMigrationBuildsItExactly(long seed) {
        Path classes = EntityChange.compile(work.resolve("classes"), RandomModel.mariaDbSources(seed));
        EntitySource entities = EntitySource.of(List.of(classes.toString()))
                .withNaming(seed % 2 == 0 ? Naming.SPRING : Naming.HIBERNATE);
        try (TestMariaDb hibernates = TestMariaDb.create();
                TestMariaDb ours = TestMariaDb.create()) {
            HibernateApplication.createFrom(hibernates.settings(), entities, classes);
            assertThat(autogen(hibernates, entities, "hibernates").check())
                    .as("check on the database Hibernate created")
                    .isEmpty();

            Autogen onOurs = autogen(ours, entities, "ours");
            assertThat(onOurs.revision(RevisionRequest.autogenerate("first")).written())
                    .isPresent();
            onOurs.upgrade("head");
            assertThat(MariaDbCatalog.of(ours)).containsExactlyElementsOf(MariaDbCatalog.of(hibernates));
            assertThat(onOurs.check()).as("check after upgrade head").isEmpty();

            onOurs.downgrade("base");
            assertThat(MariaDbCatalog.of(ours)).as("after downgrade base").isEmpty();
        }
    }

    private Autogen autogen(TestMariaDb db, EntitySource entities, String name) {
        return TestProjects.autogen(work.resolve(name), db, entities);
    }
}
