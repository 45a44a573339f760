package dev.autogen.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.dialect.PostgresDialect;
import dev.autogen.entities.EntityModel;
import dev.autogen.entities.EntityReader;
import dev.autogen.entities.EntitySource;
import dev.autogen.entities.Naming;
import dev.autogen.introspect.IntrospectionScope;
import dev.autogen.operations.Operation;
import dev.autogen.sample.Owner;
import dev.autogen.schema.Schema;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ's SQL against a real PostgreSQL: from nothing to the sample's schema, and back. */
class MigrateSampleTest {

    private final PostgresDialect dialect = new PostgresDialect();

    @Test
    void upgradeFromEmptyReachesHibernatesSchemaAndDowngradeLeavesNothing() throws SQLException {
        EntitySource source = EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING);
        try (EntityModel model = EntityReader.read(source);
                TestDatabase ours = TestDatabase.create();
                TestDatabase hibernates = TestDatabase.create()) {
            Schema target = model.schema();
            IntrospectionScope scope = IntrospectionScope.of("public").withOtherSchemas(target.namespaces());
            Schema empty = ours.introspect(scope);

            List<Operation> upgrade = SchemaDiffer.diff(empty, target);
            ours.execute(sql(upgrade));
            hibernates.execute(model.hibernateCreateScript());

            Schema migrated = ours.introspect(scope);
            Schema created = hibernates.introspect(scope);
            assertThat(ModelLines.of(migrated, target)).containsExactlyElementsOf(ModelLines.of(created, target));
            assertThat(ModelLines.of(migrated, target)).containsExactlyElementsOf(ModelLines.of(target));
            assertThat(SchemaDiffer.diff(migrated, target)).isEmpty();
            assertThat(SchemaDiffer.diff(created, target)).as("a database Hibernate created needs nothing").isEmpty();

            ours.execute(sql(DiffPropertiesTest.downgrade(upgrade)));
            assertThat(ours.introspect(scope)).isEqualTo(empty);
        }
    }

    private List<String> sql(List<Operation> operations) {
        return operations.stream().flatMap(o -> dialect.render(o).stream()).toList();
    }

}
