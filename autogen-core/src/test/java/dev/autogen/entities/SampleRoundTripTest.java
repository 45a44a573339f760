package dev.autogen.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.introspect.IntrospectionScope;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.sample.Owner;
import dev.autogen.schema.Schema;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleRoundTripTest {

    @Test
    void introspectedSampleSchemaEqualsTheEntityModelAfterHibernateCreatesIt() throws Exception {
        String classes = Path.of(Owner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (EntityModel model = EntityReader.read(EntitySource.of(List.of(classes)).withNaming(Naming.SPRING));
                TestDatabase db = TestDatabase.create()) {
            Schema expected = model.schema();
            List<String> script = model.hibernateCreateScript();
            db.execute(script);
            Schema actual;
            try (Connection c = db.connect()) {
                actual = PostgresIntrospector.introspect(c, IntrospectionScope.of("public").withOtherSchemas(expected.namespaces())).schema();
            }
            assertThat(ModelLines.of(actual, expected)).containsExactlyElementsOf(ModelLines.of(expected));
        }
    }
}
