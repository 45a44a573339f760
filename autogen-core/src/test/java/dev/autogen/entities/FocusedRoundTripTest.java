package dev.autogen.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.SchemaDiffer;
import dev.autogen.introspect.IntrospectionScope;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.schema.Schema;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For each family of mapping features, Hibernate's own schema creation into a fresh database reads back
 * as exactly the model the entity reader made.
 */
class FocusedRoundTripTest {

    @ParameterizedTest(name = "{0} with {1} naming")
    @CsvSource({
        "ids, hibernate",
        "enums, hibernate",
        "embeddables, hibernate",
        "embeddables, spring",
        "associations, hibernate",
        "associations, spring",
        "inheritance, hibernate",
        "inheritance, spring",
        "constraints, hibernate",
    })
    void hibernateSchemaReadsBackAsTheEntityModel(String family, String naming) throws Exception {
        EntitySource source = EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures." + family))
                .withNaming(Naming.parse(naming));
        try (EntityModel model = EntityReader.read(source); TestDatabase db = TestDatabase.create()) {
            Schema expected = model.schema();
            db.execute(model.hibernateCreateScript());
            Schema actual;
            try (Connection c = db.connect()) {
                actual = PostgresIntrospector.introspect(c, IntrospectionScope.of("public").withOtherSchemas(expected.namespaces())).schema();
            }
            assertThat(expected.tables()).isNotEmpty();
            assertThat(ModelLines.of(actual, expected)).containsExactlyElementsOf(ModelLines.of(expected));
            assertThat(SchemaDiffer.diff(actual, expected)).as("a database Hibernate created needs nothing").isEmpty();
        }
    }
}
