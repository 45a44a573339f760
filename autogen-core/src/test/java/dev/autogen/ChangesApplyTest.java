package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.EntityChange;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change autogenerate detects applies, on tables with rows, both ways: the database reached is what a
 * running application's Hibernate creates for each version, and every row's values are intact.
 */
@Tag("database")
class ChangesApplyTest {

    @TempDir
    Path work;

    @Test
    void aTypeChangeOnAColumnWithADefault() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of(
                        "Flag.java",
                        "@Entity public class Flag { @Id Long id; @ColumnDefault(\"false\") Boolean active; }"),
                Map.of(
                        "Flag.java",
                        "@Entity public class Flag { @Id Long id; @ColumnDefault(\"0\") Integer active; }"))) {
            change.atVersion1("insert into flag (id, active) values (1, true), (2, false), (3, default)");
            change.upgrade();
            assertThat(change.rows("select id, active from flag order by id")).containsExactly("1|1", "2|0", "3|0");
            change.downgrade();
            assertThat(change.rows("select id, active from flag order by id")).containsExactly("1|t", "2|f", "3|f");
        }
    }

    @Test
    void anEnumTypeWithAColumnDefaultLosesAndGainsLabels() {
        String v1 = "public enum Mood { CALM, HAPPY, SAD }";
        String v2 = "public enum Mood { CALM, HAPPY }";
        String entity =
                "@Entity public class Person { @Id Long id; @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)"
                        + " @ColumnDefault(\"'CALM'\") Mood mood; }";
        try (EntityChange change = new EntityChange(
                work, Map.of("Mood.java", v1, "Person.java", entity), Map.of("Mood.java", v2, "Person.java", entity))) {
            change.atVersion1("insert into person (id, mood) values (1, 'HAPPY'), (2, default)");
            change.upgrade();
            assertThat(change.rows("select id, mood from person order by id")).containsExactly("1|HAPPY", "2|CALM");
            change.execute("insert into person (id) values (3)");
            change.downgrade();
            assertThat(change.rows("select id, mood from person order by id"))
                    .containsExactly("1|HAPPY", "2|CALM", "3|CALM");
        }
    }

    @Test
    void aKeyColumnChangesTypeUnderTheForeignKeysOnIt() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of(
                        "Shelf.java",
                        "@Entity public class Shelf { @Id Long id; String label; }",
                        "Book.java",
                        "@Entity public class Book { @Id Long id; @ManyToOne Shelf shelf; }"),
                Map.of(
                        "Shelf.java",
                        "@Entity public class Shelf { @Id String id; String label; }",
                        "Book.java",
                        "@Entity public class Book { @Id Long id; @ManyToOne Shelf shelf; }"))) {
            change.atVersion1(
                    "insert into shelf (id, label) values (7, 'top')", "insert into book (id, shelf_id) values (1, 7)");
            change.upgrade();
            assertThat(change.rows("select b.id, s.label from book b join shelf s on s.id = b.shelf_id"))
                    .containsExactly("1|top");
            change.downgrade();
            assertThat(change.rows("select b.id, s.label from book b join shelf s on s.id = b.shelf_id"))
                    .containsExactly("1|top");
        }
    }

    @Test
    void aGeneratedColumnChangesItsExpression() {
        String v1 =
                "@Entity public class Line { @Id Long id; Integer qty; @Column(precision = 10, scale = 2) BigDecimal price;"
                        + " @GeneratedColumn(\"price * qty\") @Column(insertable = false, updatable = false, precision = 12, scale = 2)"
                        + " BigDecimal total; }";
        String v2 = v1.replace("price * qty", "price * qty + 1");
        try (EntityChange change = new EntityChange(work, Map.of("Line.java", v1), Map.of("Line.java", v2))) {
            change.atVersion1("insert into line (id, qty, price) values (1, 2, 3.50)");
            change.upgrade();
            assertThat(change.rows("select total from line")).containsExactly("8.00");
            change.downgrade();
            assertThat(change.rows("select total from line")).containsExactly("7.00");
        }
    }

    @Test
    void aGeneratedColumnBecomesAPlainOneAndBack() {
        String generated = "@Entity public class Line { @Id Long id; Integer qty; @GeneratedColumn(\"qty * 2\")"
                + " @Column(insertable = false, updatable = false) Integer twice; }";
        String plain = "@Entity public class Line { @Id Long id; Integer qty; Integer twice; }";
        try (EntityChange change = new EntityChange(work, Map.of("Line.java", generated), Map.of("Line.java", plain))) {
            change.atVersion1("insert into line (id, qty) values (1, 21)");
            change.upgrade();
            assertThat(change.rows("select twice from line"))
                    .as("the values stay")
                    .containsExactly("42");
            change.execute("update line set twice = 5");
            change.downgrade();
            assertThat(change.rows("select twice from line"))
                    .as("computed again")
                    .containsExactly("42");
            assertThat(change.changes()).as("the upgrade keeps every value").allMatch(c -> c.dataLoss() == null);
            assertThat(change.source()).contains("// twice: no longer generated.");
        }
        try (EntityChange change = new EntityChange(work, Map.of("Line.java", plain), Map.of("Line.java", generated))) {
            change.atVersion1("insert into line (id, qty, twice) values (1, 21, 5)");
            change.upgrade();
            assertThat(change.rows("select twice from line")).containsExactly("42");
            assertThat(change.source())
                    .contains("// Data loss: replaces the values of public.line.twice with what its expression");
            change.downgrade();
        }
    }

    @Test
    void largeObjectsBecomeTheirContentsAndBack() {
        String lobs = "@Entity public class Doc { @Id Long id; @Lob String body; @Lob byte[] scan; }";
        String plain =
                "@Entity public class Doc { @Id Long id; @Column(columnDefinition = \"text\") String body; byte[] scan; }";
        try (EntityChange change = new EntityChange(work, Map.of("Doc.java", lobs), Map.of("Doc.java", plain))) {
            change.atVersion1(
                    "insert into doc (id, body, scan) values (1, lo_from_bytea(0, convert_to('hello world', 'UTF8')),"
                            + " lo_from_bytea(0, '\\x00ff10'::bytea))",
                    "insert into doc (id) values (2)");
            String objects = "select count(*) from pg_largeobject_metadata";
            assertThat(change.rows(objects)).containsExactly("2");
            change.upgrade();
            assertThat(change.rows("select id, body, encode(scan, 'hex') from doc order by id"))
                    .containsExactly("1|hello world|00ff10", "2|null|null");
            assertThat(change.rows(objects)).as("no object left behind").containsExactly("0");
            change.downgrade();
            assertThat(
                            change.rows(
                                    "select id, convert_from(lo_get(body), 'UTF8'), encode(lo_get(scan), 'hex') from doc order by id"))
                    .containsExactly("1|hello world|00ff10", "2|null|null");
            assertThat(change.rows(objects)).containsExactly("2");
        }
    }

    private static final String SEQUENCE_TICKET =
            "@Entity public class Ticket { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; String name; }";
    private static final String IDENTITY_TICKET =
            "@Entity public class Ticket { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String name; }";

    /** Hibernate's pooled generator takes the 50 ids up to each value it draws: all of them must be free. */
    private static final String NEXT_POOL_IS_FREE = "select nextval('ticket_seq') - 49 > (select max(id) from ticket)";

    @Test
    void switchingFromASequenceToAnIdentityAndBackKeepsCountingPastTheRows() {
        try (EntityChange change = new EntityChange(
                work, Map.of("Ticket.java", SEQUENCE_TICKET), Map.of("Ticket.java", IDENTITY_TICKET))) {
            change.atVersion1("insert into ticket (id, name) select g, 'old' from generate_series(1, 120) g");
            change.upgrade();
            change.execute("insert into ticket (name) values ('new')");
            assertThat(change.rows("select max(id) from ticket")).containsExactly("121");
            change.downgrade();
            assertThat(change.rows(NEXT_POOL_IS_FREE)).containsExactly("t");
            assertThat(change.source()).contains("columnOf(name(\"ticket\"), \"id\")");
        }
    }

    @Test
    void switchingFromAnIdentityToASequenceAndBackKeepsCountingPastTheRows() {
        try (EntityChange change = new EntityChange(
                work, Map.of("Ticket.java", IDENTITY_TICKET), Map.of("Ticket.java", SEQUENCE_TICKET))) {
            change.atVersion1("insert into ticket (name) select 'old' from generate_series(1, 120)");
            change.upgrade();
            assertThat(change.rows(NEXT_POOL_IS_FREE)).containsExactly("t");
            assertThat(change.source()).contains("// It starts past the highest public.ticket.id already stored.");
            change.execute("insert into ticket (id, name) values (1000, 'new')");
            change.downgrade();
            change.execute("insert into ticket (name) values ('newer')");
            assertThat(change.rows("select max(id) from ticket")).containsExactly("1001");
        }
    }

    @Test
    void aConstraintOrIndexThatOnlyChangesItsNameIsRenamed() {
        String v1 =
                "@Entity @Table(uniqueConstraints = @UniqueConstraint(name = \"uk_part_code\", columnNames = \"code\"),"
                        + " indexes = @Index(name = \"ix_part_name\", columnList = \"name\"))"
                        + " public class Part { @Id Long id; String code; String name; }";
        String v2 = v1.replace("uk_part_code", "uk_part_code_2").replace("ix_part_name", "ix_part_name_2");
        try (EntityChange change = new EntityChange(work, Map.of("Part.java", v1), Map.of("Part.java", v2))) {
            change.atVersion1("insert into part (id, code, name) values (1, 'a', 'one')");
            change.upgrade();
            assertThat(change.source())
                    .contains("op.renameConstraint(name(\"part\"), \"uk_part_code\", \"uk_part_code_2\")")
                    .contains("op.renameIndex(name(\"part\"), \"ix_part_name\", \"ix_part_name_2\")")
                    .doesNotContain("op.dropConstraint")
                    .doesNotContain("op.dropIndex");
            change.downgrade();
        }
    }

    @Test
    void tablesAreDroppedWholeAndComeBackWhole() {
        String keep = "@Entity public class Keep { @Id Long id; }";
        String a = "@Entity @Table(indexes = @Index(name = \"ix_a_label\", columnList = \"label\"))"
                + " public class A { @Id Long id; String label; @ManyToOne B b; }";
        String b = "@Entity public class B { @Id Long id; @ManyToOne A a; @ManyToOne B parent; }";
        try (EntityChange change = new EntityChange(
                work, Map.of("Keep.java", keep, "A.java", a, "B.java", b), Map.of("Keep.java", keep))) {
            change.atVersion1(
                    "insert into a (id, label) values (1, 'x')",
                    "insert into b (id, a_id, parent_id) values (1, 1, null), (2, 1, 1)",
                    "update a set b_id = 2");
            change.upgrade();
            // a and b point at each other: the keys of one cycle are cut once; everything else goes with its table.
            assertThat(change.source().substring(0, change.source().indexOf("downgrade")))
                    .doesNotContain("op.dropIndex")
                    .containsOnlyOnce("op.dropConstraint");
            change.downgrade();
        }
    }

    @Test
    void notNullWithADefaultFillsTheNullsWithIt() {
        String v1 = "@Entity public class Job { @Id Long id; String status; }";
        String v2 =
                "@Entity public class Job { @Id Long id; @ColumnDefault(\"'new'\") @Column(nullable = false) String status; }";
        try (EntityChange change = new EntityChange(work, Map.of("Job.java", v1), Map.of("Job.java", v2))) {
            change.atVersion1("insert into job (id, status) values (1, 'done'), (2, null)");
            change.upgrade();
            assertThat(change.rows("select id, status from job order by id")).containsExactly("1|done", "2|new");
            assertThat(change.source())
                    .contains("// Check: rows of public.job holding null in status get its default first.");
            change.downgrade();
            assertThat(change.rows("select id, status from job order by id")).containsExactly("1|done", "2|new");
        }
    }

    @Test
    void aTableMovesToAnotherSchemaWithItsRows() {
        String v1 = "@Entity @Table(schema = \"stock\") public class Item { @Id Long id; String name; }";
        String v2 = v1.replace("\"stock\"", "\"store\"");
        try (EntityChange change = new EntityChange(work, Map.of("Item.java", v1), Map.of("Item.java", v2))) {
            change.atVersion1("insert into stock.item (id, name) values (1, 'bolt')");
            change.upgrade();
            assertThat(change.source()).contains("op.setTableSchema(name(\"stock\", \"item\"), \"store\")");
            assertThat(change.rows("select id, name from store.item")).containsExactly("1|bolt");
            change.downgrade();
            assertThat(change.rows("select id, name from stock.item")).containsExactly("1|bolt");
        }
    }

    @Test
    void aSchemaTheEntitiesLeaveIsDroppedWithItsTables() {
        String kept = "@Entity public class Kept { @Id Long id; }";
        String old = "@Entity @Table(schema = \"legacy\") public class Old { @Id Long id; }";
        try (EntityChange change =
                new EntityChange(work, Map.of("Kept.java", kept, "Old.java", old), Map.of("Kept.java", kept))) {
            change.atVersion1("insert into legacy.old (id) values (1)");
            change.upgrade();
            assertThat(change.changes())
                    .extracting(c -> c.description())
                    .contains("drop table legacy.old", "drop schema legacy");
            change.downgrade();
        }
    }

    @Test
    void aTypeChangeWithNoCastLeavesAConversionForItsAuthor() {
        String v1 = "@Entity public class Task { @Id Long id; Integer due; }";
        String v2 = "@Entity public class Task { @Id Long id; java.time.LocalDate due; }";
        try (EntityChange change = new EntityChange(work, Map.of("Task.java", v1), Map.of("Task.java", v2))) {
            change.atVersion1("insert into task (id, due) values (1, 31)");
            change.generate();
            assertThat(change.source())
                    .contains(
                            "// Check: replace conversionToWrite() with an SQL expression over due that gives each new value\n")
                    .contains("the database has no cast from integer to date")
                    .contains("conversionToWrite());");
            assertThat(change.applyFails().getMessage())
                    .contains("the conversion of public.task.due from integer to date is still to be written");
            change.edit(
                            "conversionToWrite());\n    }\n\n    @Override\n    public void downgrade",
                            "\"date '2026-01-01' + due\");\n    }\n\n    @Override\n    public void downgrade")
                    .edit("conversionToWrite()", "\"due - date '2026-01-01'\"");
            change.apply();
            assertThat(change.rows("select due from task")).containsExactly("2026-02-01");
            change.downgrade();
            assertThat(change.rows("select due from task")).containsExactly("31");
        }
    }
}
