package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.EntityChange;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java attribute stays, its column changes: the values mean the same after the migration, both ways,
 * as Hibernate's mapping of each version stores them (an enum's ordinal becomes its name, a boolean becomes
 * a converter's letter), with rows, each version's catalog Hibernate's own.
 */
@Tag("database")
class ValuesKeepTheirMeaningTest {

    @TempDir
    Path work;

    private static final String LEVEL = "public enum Level { LOW, MID, HIGH }";

    /** A task whose level is mapped {@code ORDINAL} in version 1 and as {@code mapping} says in version 2. */
    private EntityChange levelChange(String mapping) {
        return new EntityChange(
                work,
                Map.of(
                        "Level.java",
                        LEVEL,
                        "Task.java",
                        "@Entity public class Task { @Id Long id; @Enumerated(EnumType.ORDINAL) Level level; }"),
                Map.of(
                        "Level.java",
                        LEVEL,
                        "Task.java",
                        "@Entity public class Task { @Id Long id; " + mapping + " Level level; }"));
    }

    @Test
    void anOrdinalEnumBecomingAStringEnumKeepsEachConstantBothWays() {
        try (EntityChange change = levelChange("@Enumerated(EnumType.STRING)")) {
            change.atVersion1("insert into task (id, level) values (1, 0), (2, 1), (3, 2), (4, null)");
            change.generate();
            assertThat(change.source())
                    .contains("when 0 then 'LOW' when 1 then 'MID' when 2 then 'HIGH'")
                    .contains("// Values keep their meaning: LOW: 0 -> 'LOW', MID: 1 -> 'MID', HIGH: 2 -> 'HIGH'")
                    .contains("when 'LOW' then 0 when 'MID' then 1 when 'HIGH' then 2")
                    .doesNotContain("Data loss");
            change.apply();
            assertThat(change.rows("select id, level from task order by id"))
                    .containsExactly("1|LOW", "2|MID", "3|HIGH", "4|null");
            change.downgrade();
            assertThat(change.rows("select id, level from task order by id"))
                    .containsExactly("1|0", "2|1", "3|2", "4|null");
        }
    }

    @Test
    void anOrdinalEnumBecomingAPostgresEnumTypeKeepsEachConstant() {
        try (EntityChange change = levelChange("@JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM)")) {
            change.atVersion1("insert into task (id, level) values (1, 2), (2, 0)");
            change.upgrade();
            assertThat(change.rows("select id, level::text from task order by id"))
                    .containsExactly("1|HIGH", "2|LOW");
            change.downgrade();
            assertThat(change.rows("select id, level from task order by id")).containsExactly("1|2", "2|0");
        }
    }

    @Test
    void aBooleanGainingAConverterIsStoredAsTheConverterSaysBothWays() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of("Flag.java", "@Entity public class Flag { @Id Long id; Boolean active; Boolean legacy; }"),
                Map.of(
                        "Flag.java",
                        "@Entity public class Flag { @Id Long id;"
                                + " @Convert(converter = org.hibernate.type.YesNoConverter.class) Boolean active;"
                                + " @Convert(converter = org.hibernate.type.TrueFalseConverter.class) Boolean legacy; }"))) {
            change.atVersion1(
                    "insert into flag (id, active, legacy) values (1, true, false), (2, false, true), (3, null, null)");
            change.upgrade();
            assertThat(change.rows("select id, active, legacy from flag order by id"))
                    .containsExactly("1|Y|F", "2|N|T", "3|null|null");
            change.downgrade();
            assertThat(change.rows("select id, active, legacy from flag order by id"))
                    .containsExactly("1|t|f", "2|f|t", "3|null|null");
        }
    }

    @Test
    void anOrdinalThatStandsForNoConstantFailsTheMigrationWithNothingChanged() {
        try (EntityChange change = levelChange("@Enumerated(EnumType.STRING)")) {
            // Hibernate's own check would refuse a 7: a row written past it, by hand.
            change.atVersion1();
            change.execute(
                    "alter table task drop constraint task_level_check", "insert into task (id, level) values (1, 7)");
            change.generate();
            assertThat(change.applyFails().getMessage()).contains("autogen: 7 stands for no value of the attribute");
        }
    }

    @Test
    void aDurationHeldInNanosecondsBecomingAnIntervalKeepsItsLengthBothWays() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of("Job.java", "@Entity public class Job { @Id Long id; java.time.Duration timeout; }"),
                Map.of(
                        "Job.java",
                        "@Entity public class Job { @Id Long id;"
                                + " @JdbcTypeCode(org.hibernate.type.SqlTypes.INTERVAL_SECOND) java.time.Duration timeout; }"))) {
            change.atVersion1("insert into job (id, timeout) values (1, 1500000000), (2, 86400000000000), (3, null)");
            change.generate();
            assertThat(change.source()).contains("holds 1000000000 for one second");
            change.apply();
            assertThat(change.rows("select id, timeout from job order by id"))
                    .containsExactly("1|00:00:01.5", "2|24:00:00", "3|null");
            change.downgrade();
            assertThat(change.rows("select id, timeout from job order by id"))
                    .containsExactly("1|1500000000", "2|86400000000000", "3|null");
        }
    }

    @Test
    void aUuidHeldAsBytesBecomingAUuidKeepsItsValueBothWays() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of(
                        "Doc.java",
                        "@Entity public class Doc { @Id Long id; @JdbcTypeCode(org.hibernate.type.SqlTypes.BINARY)"
                                + " java.util.UUID ref; }"),
                Map.of("Doc.java", "@Entity public class Doc { @Id Long id; java.util.UUID ref; }"))) {
            change.atVersion1("insert into doc (id, ref) values (1, '\\x0123456789abcdeffedcba9876543210'), (2, null)");
            change.upgrade();
            assertThat(change.rows("select id, ref from doc order by id"))
                    .containsExactly("1|01234567-89ab-cdef-fedc-ba9876543210", "2|null");
            change.downgrade();
            assertThat(change.rows("select id, encode(ref, 'hex') from doc order by id"))
                    .containsExactly("1|0123456789abcdeffedcba9876543210", "2|null");
        }
    }

    @Test
    void aUuidHeldAsTextBecomingAUuidKeepsItsValueBothWays() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of(
                        "Doc.java",
                        "@Entity public class Doc { @Id Long id; @JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR)"
                                + " java.util.UUID ref; }"),
                Map.of("Doc.java", "@Entity public class Doc { @Id Long id; java.util.UUID ref; }"))) {
            change.atVersion1("insert into doc (id, ref) values (1, '01234567-89ab-cdef-fedc-ba9876543210')");
            change.upgrade();
            assertThat(change.rows("select ref from doc")).containsExactly("01234567-89ab-cdef-fedc-ba9876543210");
            change.downgrade();
            assertThat(change.rows("select ref from doc")).containsExactly("01234567-89ab-cdef-fedc-ba9876543210");
        }
    }

    @Test
    void aTimestampGainingItsZoneAsksItsAuthorWhichZoneTheValuesAreIn() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of("Visit.java", "@Entity public class Visit { @Id Long id; java.time.LocalDateTime at; }"),
                Map.of(
                        "Visit.java",
                        "@Entity public class Visit { @Id Long id;"
                                + " @JdbcTypeCode(org.hibernate.type.SqlTypes.TIMESTAMP_WITH_TIMEZONE)"
                                + " java.time.LocalDateTime at; }"))) {
            change.atVersion1("insert into visit (id, at) values (1, '2026-12-07 10:00:00')");
            change.generate();
            assertThat(change.source()).contains("gains or loses its time zone").contains("conversionToWrite()");
            assertThat(change.applyFails().getMessage()).contains("conversion");
            change.edit("conversionToWrite()", "\"at at time zone 'UTC'\"");
            change.apply();
            assertThat(change.rows("select at at time zone 'UTC' from visit")).containsExactly("2026-12-07 10:00:00");
        }
    }
}
