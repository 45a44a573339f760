package dev.autogen.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.Migration;
import dev.autogen.testing.GoldenFiles;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.JavaCompiler;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An entity model evolved through three versions. At each step the generated migration is pinned by a
 * golden file, compiled and replayed; its SQL, run on the database of the previous version, gives exactly
 * Hibernate's own schema of the new version; and the downgrades lead back through every earlier schema.
 */
@Tag("database")
class EvolutionTest {

    private static final IntrospectionScope SCOPE = IntrospectionScope.of("public");
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @Test
    void everyStepReachesHibernatesSchemaAndEveryDowngradeComesBack() {
        try (TestDatabase db = TestDatabase.create()) {
            List<Schema> schemas = new ArrayList<>(List.of(db.introspect(SCOPE)));
            List<Migration> migrations = new ArrayList<>();
            String previous = null;
            List<String> produced = new ArrayList<>();
            for (int version = 1; version <= 3; version++) {
                Schema target = model(version);
                Schema current = db.introspect(SCOPE);
                RenamePlan renames = RenameFinder.guesses(current, target, dialect.diffRules());
                List<Operation> upgrade = SchemaDiffer.diff(current, target, dialect.diffRules(), renames);
                assertThat(upgrade).as("version %d changes something", version).isNotEmpty();

                String id = "00000000000" + version;
                MigrationSource source = Pg.writer("com.example.shop.migrations")
                        .write(
                                RevisionInfo.of(
                                        id,
                                        previous == null ? List.of() : List.of(previous),
                                        "Shop version " + version,
                                        Instant.parse("2026-11-2" + version + "T10:00:00Z")),
                                upgrade,
                                renames.notes(upgrade));
                GoldenFiles.assertMatches("evolution/" + source.className() + ".java", source.source());
                produced.add("evolution/" + source.className() + ".java");
                Migration migration = JavaCompiler.load(source);
                assertThat(Pg.upgrade(migration)).containsExactlyElementsOf(upgrade);

                db.execute(sql(Pg.upgrade(migration)));
                Schema migrated = db.introspect(SCOPE);
                Schema hibernates = hibernateSchema(version);
                assertThat(ModelLines.of(migrated, target))
                        .as("version %d", version)
                        .containsExactlyElementsOf(ModelLines.of(hibernates, target))
                        .containsExactlyElementsOf(ModelLines.of(target));
                assertThat(Pg.diff(migrated, target))
                        .as("after upgrading to version %d", version)
                        .isEmpty();
                assertThat(Pg.diff(hibernates, target))
                        .as("Hibernate's version %d", version)
                        .isEmpty();

                schemas.add(migrated);
                migrations.add(migration);
                previous = id;
            }
            GoldenFiles.assertNoOthers("evolution", produced);
            for (int version = 3; version >= 1; version--) {
                db.execute(sql(Pg.downgrade(migrations.get(version - 1))));
                assertThat(ModelLines.of(db.introspect(SCOPE)))
                        .as("downgraded from version %d", version)
                        .containsExactlyElementsOf(ModelLines.of(schemas.get(version - 1)));
            }
        }
    }

    private List<String> sql(List<Operation> operations) {
        return operations.stream().flatMap(o -> dialect.render(o).stream()).toList();
    }

    private static EntitySource source(int version) {
        return EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures.evolution.v" + version))
                .withNaming(Naming.SPRING);
    }

    private static Schema model(int version) {
        return Pg.entities(source(version));
    }

    private static Schema hibernateSchema(int version) {
        try (TestDatabase fresh = TestDatabase.create()) {
            HibernateApplication.create(fresh, source(version));
            return fresh.introspect(SCOPE);
        }
    }
}
