package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.internal.entities.EntityReader.SessionFactoryUse;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What only a running application's SessionFactory adds to the schema is in the model: Bean Validation's
 * constraints (its provider is on the test classpath) and a generated timestamp's NOT NULL. The parity
 * test shows the same against Hibernate's own database; this shows that there is something to compare.
 */
@Tag("database")
class RunningApplicationTest {

    @Test
    void beanValidationConstraintsShapeTheColumns() {
        List<String> lines = ModelLines.of(Pg.entities(entities("validation")));

        assertThat(lines)
                .contains(
                        "column public.member.name character varying(255) not null",
                        "column public.member.nick character varying(50) null",
                        "column public.member.title character varying(80) not null",
                        "column public.member.club_id bigint not null",
                        "column public.club.name character varying(30) not null",
                        "check public.member (stars <= 10 and stars >= 1)");
    }

    @Test
    void aCreationTimestampIsNotNull() {
        assertThat(ModelLines.of(Pg.entities(entities("mappings"))))
                .contains("column public.kitchen.created timestamp(6) with time zone not null");
    }

    @Test
    void theApplicationsConnectionAndSchemaActionAreNeverActedOn() {
        try (TestDatabase db = TestDatabase.create()) {
            EntitySource source = entities("validation");
            EntitySource withTheApplicationsSettings = new EntitySource(
                    source.classpath(),
                    source.packages(),
                    source.naming(),
                    source.defaultSchema(),
                    Map.of(
                            "jakarta.persistence.jdbc.url",
                            db.settings().url(),
                            "jakarta.persistence.jdbc.user",
                            String.valueOf(db.settings().user()),
                            "hibernate.hbm2ddl.auto",
                            "create",
                            "jakarta.persistence.schema-generation.database.action",
                            "create"));

            assertThat(ModelLines.of(Pg.entities(withTheApplicationsSettings)))
                    .contains("column public.member.name character varying(255) not null");
            assertThat(db.query("select count(*) from pg_tables where schemaname = 'public'"))
                    .containsExactly("0");
        }
    }

    /**
     * The premise of building no SessionFactory where neither an integrator nor a generator can change
     * anything: on models with neither, the model is the same without it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ids", "enums", "embeddables", "associations", "inheritance", "constraints", "keys"})
    void onAModelWithNoValidationAndNoGeneratedValueTheSessionFactoryChangesNothing(String family) {
        assertThat(lines(family, SessionFactoryUse.NEVER))
                .containsExactlyElementsOf(lines(family, SessionFactoryUse.ALWAYS));
    }

    /** And where there is either, it does: the comparison above can tell. */
    @ParameterizedTest
    @ValueSource(strings = {"mappings", "validation"})
    void onAModelWithValidationOrAGeneratedValueTheSessionFactoryChangesTheModel(String family) {
        assertThat(lines(family, SessionFactoryUse.NEVER)).isNotEqualTo(lines(family, SessionFactoryUse.ALWAYS));
        assertThat(ModelLines.of(Pg.entities(entities(family))))
                .containsExactlyElementsOf(lines(family, SessionFactoryUse.ALWAYS));
    }

    private static List<String> lines(String family, SessionFactoryUse use) {
        try (EntityModel model = EntityReader.readBuilding(entities(family), Pg.DIALECT, use)) {
            return ModelLines.of(Pg.canonical(model.schema()));
        }
    }

    private static EntitySource entities(String family) {
        return EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures." + family));
    }
}
