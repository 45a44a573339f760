package dev.autogen.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Schema;
import dev.autogen.sample.Owner;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The differ's SQL against a real PostgreSQL: from nothing to the sample's schema, and back. */
@Tag("database")
class MigrateSampleTest {

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @Test
    void upgradeFromEmptyReachesHibernatesSchemaAndDowngradeLeavesNothing() throws SQLException {
        EntitySource source =
                EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING);
        try (EntityModel model = Pg.read(source);
                TestDatabase ours = TestDatabase.create();
                TestDatabase hibernates = TestDatabase.create()) {
            Schema target = Pg.canonical(model.schema());
            IntrospectionScope scope = IntrospectionScope.of("public").withOtherSchemas(target.namespaces());
            Schema empty = ours.introspect(scope);

            List<Operation> upgrade = Pg.diff(empty, target);
            ours.execute(sql(upgrade));
            HibernateApplication.create(hibernates, source);

            Schema migrated = ours.introspect(scope);
            Schema created = hibernates.introspect(scope);
            assertThat(ModelLines.of(migrated, target)).containsExactlyElementsOf(ModelLines.of(created, target));
            assertThat(ModelLines.of(migrated, target)).containsExactlyElementsOf(ModelLines.of(target));
            assertThat(Pg.diff(migrated, target)).isEmpty();
            assertThat(Pg.diff(created, target))
                    .as("a database Hibernate created needs nothing")
                    .isEmpty();

            ours.execute(sql(DiffPropertiesTest.downgrade(upgrade)));
            assertThat(ours.introspect(scope)).isEqualTo(empty);
        }
    }

    private List<String> sql(List<Operation> operations) {
        return operations.stream().flatMap(o -> dialect.render(o).stream()).toList();
    }
}
