package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.EntityChange;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that drops what an earlier one created restores, on its way down, what was created: the
 * catalog after the downgrade is the one Hibernate makes, not PostgreSQL's reading of its own print.
 */
@Tag("database")
class RestoredAsCreatedTest {

    @TempDir
    Path work;

    private static final String GRADE = "public enum Grade { A, B, C }";

    @Test
    void aDroppedEnumCheckComesBackAsHibernateWroteIt() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of(
                        "Grade.java",
                        GRADE,
                        "Mark.java",
                        "@Entity public class Mark { @Id Long id; @Enumerated(EnumType.STRING) Grade grade;"
                                + " @Enumerated(EnumType.STRING) @Column(length = 1) Grade second; }"),
                Map.of(
                        "Grade.java",
                        GRADE,
                        "Mark.java",
                        "@Entity public class Mark { @Id Long id; String grade; @Column(length = 1) String second; }"))) {
            change.atVersion1("insert into mark (id, grade, second) values (1, 'A', 'B')");
            change.upgrade();
            String restored = change.rows(
                            "select count(*) from pg_constraint where contype = 'c' and conrelid = 'mark'::regclass")
                    .get(0);
            assertThat(restored).isEqualTo("0");
            change.downgrade();
            assertThat(
                            change.rows(
                                    "select pg_get_constraintdef(oid) from pg_constraint where contype = 'c' and conrelid = 'mark'::regclass order by 1"))
                    .first()
                    .asString()
                    .contains(
                            "((ARRAY['A'::character varying, 'B'::character varying, 'C'::character varying])::text[])");
        }
    }
}
