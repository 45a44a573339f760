package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.schema.Schema;
import dev.autogen.sample.Owner;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schema a running application's Hibernate creates in a fresh database reads back as exactly the
 * model the entity reader made, and needs nothing: for the sample, and for each family of mapping features.
 */
@Tag("database")
class RoundTripTest {

    @Test
    void sampleSchemaReadsBackAsTheEntityModel() {
        assertReadsBack(
                EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING));
    }

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
        "keys, hibernate",
        "keys, spring",
    })
    void focusedSchemaReadsBackAsTheEntityModel(String family, String naming) {
        assertReadsBack(EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures." + family))
                .withNaming(Naming.parse(naming)));
    }

    private static void assertReadsBack(EntitySource source) {
        try (EntityModel model = Pg.read(source);
                TestDatabase db = TestDatabase.create()) {
            Schema expected = Pg.canonical(model.schema());
            HibernateApplication.create(db, source);
            Schema actual = db.introspect(IntrospectionScope.of("public").withOtherSchemas(expected.namespaces()));

            assertThat(expected.tables()).isNotEmpty();
            assertThat(ModelLines.of(actual, expected)).containsExactlyElementsOf(ModelLines.of(expected));
            assertThat(Pg.diff(actual, expected))
                    .as("a database Hibernate created needs nothing")
                    .isEmpty();
        }
    }
}
