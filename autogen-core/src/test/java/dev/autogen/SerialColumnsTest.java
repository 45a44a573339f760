package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.EntityChange;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column gaining or losing {@code columnDefinition = "serial"} (or changing to {@code bigserial}): with
 * rows, up and down, each version's catalog Hibernate's own, and the sequence counting on from the rows.
 */
@Tag("database")
class SerialColumnsTest {

    @TempDir
    Path work;

    private EntityChange change(String before, String after) {
        return new EntityChange(
                work,
                Map.of("Ticket.java", "@Entity public class Ticket { @Id Long id; " + before + " }"),
                Map.of("Ticket.java", "@Entity public class Ticket { @Id Long id; " + after + " }"));
    }

    @Test
    void aPlainColumnBecomingSerialCountsOnFromItsRowsAndFillsTheirNulls() {
        try (EntityChange change =
                change("Integer number;", "@Column(columnDefinition = \"serial\") Integer number;")) {
            change.atVersion1("insert into ticket (id, number) values (1, 7), (2, null), (3, 41)");
            change.generate();
            assertThat(change.source())
                    .contains("column(\"number\", \"integer\").notNull().identity(Identity.SERIAL)")
                    .doesNotContain("fails if any row");
            change.apply();
            assertThat(change.rows("select id, number from ticket order by id")).containsExactly("1|7", "2|42", "3|41");
            change.execute("insert into ticket (id) values (4)");
            assertThat(change.rows("select number from ticket where id = 4")).containsExactly("43");
            change.downgrade();
            assertThat(change.rows("select count(*) from pg_sequences where sequencename like 'ticket%'"))
                    .containsExactly("0");
        }
    }

    @Test
    void aSerialBecomingBigserialWidensItsSequenceToo() {
        try (EntityChange change = change(
                "@Column(columnDefinition = \"serial\") Integer number;",
                "@Column(columnDefinition = \"bigserial\") Long number;")) {
            change.atVersion1("insert into ticket (id) values (1), (2)");
            change.upgrade();
            assertThat(change.rows("select data_type from pg_sequences where sequencename like 'ticket%'"))
                    .containsExactly("bigint");
            change.execute("insert into ticket (id) values (3)");
            assertThat(change.rows("select id, number from ticket order by id")).containsExactly("1|1", "2|2", "3|3");
            change.downgrade();
            assertThat(change.rows("select data_type from pg_sequences where sequencename like 'ticket%'"))
                    .containsExactly("integer");
        }
    }

    @Test
    void aSerialBecomingPlainLosesItsSequenceAndKeepsItsValues() {
        try (EntityChange change =
                change("@Column(columnDefinition = \"serial\") Integer number;", "Integer number;")) {
            change.atVersion1("insert into ticket (id) values (1), (2)");
            change.upgrade();
            assertThat(change.rows("select count(*) from pg_sequences where sequencename like 'ticket%'"))
                    .containsExactly("0");
            assertThat(change.rows("select id, number from ticket order by id")).containsExactly("1|1", "2|2");
            change.downgrade();
            change.execute("insert into ticket (id) values (3)");
            assertThat(change.rows("select number from ticket where id = 3")).containsExactly("3");
        }
    }
}
