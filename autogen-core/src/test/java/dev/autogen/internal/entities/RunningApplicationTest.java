package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What only a running application's SessionFactory adds to the schema is in the model: Bean Validation's
 * constraints (its provider is on the test classpath) and a generated timestamp's NOT NULL. The parity
 * test shows the same against Hibernate's own database; this shows that there is something to compare.
 */
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
        assertThat(ModelLines.of(Pg.entities(entities("probe"))))
                .contains("column public.kitchen.created timestamp(6) with time zone not null");
    }

    private static EntitySource entities(String family) {
        return EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures." + family));
    }
}
