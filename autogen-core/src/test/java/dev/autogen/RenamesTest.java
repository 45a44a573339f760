package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.testing.EntityChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames with rows in every table: taken when stated, when in no doubt, or when confirmed; never guessed
 * when ambiguous, and a drop that might have been a rename says so. Each upgrade keeps every row and key,
 * each downgrade restores names and rows, and the schema at each end is Hibernate's.
 */
@Tag("database")
class RenamesTest {

    private static final String SHELF = "@Entity public class Shelf { @Id Long id; String label; }";
    private static final String BOOK =
            "@Entity public class Book { @Id Long id; String title; @ManyToOne Shelf shelf; }";

    @TempDir
    Path work;

    @Test
    void aReferencedTableRenamedKeepsItsRowsAndTheKeysToIt() {
        String rack = "@Entity public class Rack { @Id Long id; String label; }";
        String book =
                "@Entity public class Book { @Id Long id; String title; @ManyToOne @JoinColumn(name = \"shelf_id\") Rack shelf; }";
        try (EntityChange change = new EntityChange(
                work, Map.of("Shelf.java", SHELF, "Book.java", BOOK), Map.of("Rack.java", rack, "Book.java", book))) {
            change.atVersion1(
                    "insert into shelf (id, label) values (7, 'top')",
                    "insert into book (id, title, shelf_id) values (1, 'Emma', 7)");
            change.upgrade();
            assertThat(change.source())
                    .contains("op.renameTable(name(\"shelf\"), \"rack\")")
                    .contains("// Renamed: it has exactly the columns of public.shelf")
                    .contains("op.renameConstraint(name(\"rack\"), \"shelf_pkey\", \"rack_pkey\")")
                    .doesNotContain("op.dropTable");
            assertThat(change.rows("select b.title, r.label from book b join rack r on r.id = b.shelf_id"))
                    .containsExactly("Emma|top");
            change.downgrade();
            assertThat(change.rows("select b.title, s.label from book b join shelf s on s.id = b.shelf_id"))
                    .containsExactly("Emma|top");
        }
    }

    @Test
    void aTableWithAnIdentityIsRenamedWithItsSequence() {
        String v1 =
                "@Entity public class Client { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String name; }";
        String v2 = v1.replace("Client", "Customer");
        try (EntityChange change = new EntityChange(work, Map.of("Client.java", v1), Map.of("Customer.java", v2))) {
            change.atVersion1("insert into client (name) values ('a'), ('b')");
            change.upgrade();
            change.execute("insert into customer (name) values ('c')");
            assertThat(change.rows("select id, name from customer order by id")).containsExactly("1|a", "2|b", "3|c");
            change.downgrade();
            assertThat(change.rows("select count(*) from client")).containsExactly("3");
        }
    }

    @Test
    void aColumnRenamedAndWidenedWhenStated() {
        String v1 = "@Entity public class Note { @Id Long id; @Column(length = 50) String name; }";
        String v2 = "@Entity public class Note { @Id Long id; @Column(length = 100) String title; }";
        try (EntityChange change = new EntityChange(work, Map.of("Note.java", v1), Map.of("Note.java", v2))) {
            change.atVersion1("insert into note (id, name) values (1, 'kept')");
            change.generate(r -> r.withRenames(List.of("note.name=title"), List.of()))
                    .apply();
            assertThat(change.source())
                    .contains("// Renamed as asked with --rename note.name=title.")
                    .contains("op.renameColumn(name(\"note\"), \"name\", \"title\")")
                    .contains("column(\"title\", \"character varying(100)\")");
            assertThat(change.rows("select title from note")).containsExactly("kept");
            change.downgrade();
            assertThat(change.rows("select name from note")).containsExactly("kept");
        }
    }

    @Test
    void aReferencedColumnRenamedKeepsTheKeysToIt() {
        String shelf = "@Entity public class Shelf { @Id @Column(name = \"shelf_no\") Long id; String label; }";
        try (EntityChange change = new EntityChange(
                work, Map.of("Shelf.java", SHELF, "Book.java", BOOK), Map.of("Shelf.java", shelf, "Book.java", BOOK))) {
            change.atVersion1(
                    "insert into shelf (id, label) values (7, 'top')",
                    "insert into book (id, title, shelf_id) values (1, 'Emma', 7)");
            change.upgrade();
            assertThat(change.source()).contains("op.renameColumn(name(\"shelf\"), \"id\", \"shelf_no\")");
            assertThat(change.rows("select b.title from book b join shelf s on s.shelf_no = b.shelf_shelf_no"))
                    .containsExactly("Emma");
            change.downgrade();
        }
    }

    @Test
    void aLikelyRenameIsAskedAndTakenOnYes() {
        String v1 = "@Entity public class Person { @Id Long id; @Column(length = 40) String surname; }";
        String v2 = "@Entity public class Person { @Id Long id; @Column(length = 80) String familyName; }";
        try (EntityChange change = new EntityChange(work, Map.of("Person.java", v1), Map.of("Person.java", v2))) {
            change.atVersion1("insert into person (id, surname) values (1, 'Austen')");
            List<String> asked = new ArrayList<>();
            change.generate(r -> r.withQuestioner(q -> asked.add(q))).apply();
            assertThat(asked)
                    .containsExactly("Did you rename column public.person.surname to family_name"
                            + " (character varying(40) to character varying(80))?");
            assertThat(change.source()).contains("// Renamed: confirmed when asked.");
            assertThat(change.rows("select family_name from person")).containsExactly("Austen");
            change.downgrade();
        }
    }

    @Test
    void noAnswerMeansADropThatSaysItMightHaveBeenARename() {
        String v1 = "@Entity public class Person { @Id Long id; @Column(length = 40) String surname; }";
        String v2 = "@Entity public class Person { @Id Long id; @Column(length = 80) String familyName; }";
        try (EntityChange change = new EntityChange(work, Map.of("Person.java", v1), Map.of("Person.java", v2))) {
            change.atVersion1("insert into person (id, surname) values (1, 'Austen')");
            change.generate(r -> r.withQuestioner(q -> false)).apply();
            assertThat(change.source())
                    .contains("// Not taken as renamed: family_name appeared in public.person. If surname was")
                    .contains("op.dropColumn(name(\"person\")");
        }
    }

    @Test
    void twoColumnsOutAndTwoInOfTheSameDefinitionAreNeverGuessed() {
        String v1 = "@Entity public class Pair { @Id Long id; String a; String b; }";
        String v2 = "@Entity public class Pair { @Id Long id; String c; String d; }";
        try (EntityChange change = new EntityChange(work, Map.of("Pair.java", v1), Map.of("Pair.java", v2))) {
            change.atVersion1("insert into pair (id, a, b) values (1, 'x', 'y')");
            change.upgrade();
            assertThat(change.source())
                    .doesNotContain("op.renameColumn")
                    .contains("// Not taken as renamed: c, d appeared");
            assertThat(change.changes())
                    .extracting(c -> c.dataLoss())
                    .filteredOn(l -> l != null)
                    .hasSize(2);
        }
    }

    @Test
    void aStatedRenameThatMatchesNothingIsAnError() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of("Shelf.java", SHELF),
                Map.of("Shelf.java", SHELF.replace("String label;", "String label; String note;")))) {
            change.atVersion1();
            assertThatThrownBy(() -> change.generate(r -> r.withRenames(List.of("shelf.colour=note"), List.of())))
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining("the rename hint 'shelf.colour=note' names no table or column");
            change.generate(r -> r.withRenames(List.of(), List.of("shelf.colour=note")))
                    .apply();
        }
    }
}
