package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Change;
import dev.autogen.testing.EntityChange;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What autogenerate writes for an index, a unique key, a foreign key, a check and a NOT NULL added to tables
 * that have rows: the lock-safe forms, said in the code, with no risk left to lint, reaching the schema a
 * running application's Hibernate creates; the plain forms when the setting is off, and on tables the
 * migration creates.
 */
@Tag("database")
class LockSafeGenerationTest {

    @TempDir
    Path work;

    private static final String OWNER = "@Entity public class Owner { @Id Long id; String name; }";
    private static final String PET_V1 =
            "@Entity public class Pet { @Id Long id; String name; String chip; Integer weight; Long ownerId; }";
    private static final String PET_V2 =
            "@Entity @Table(indexes = @Index(name = \"ix_pet_name\", columnList = \"name\"))"
                    + " @Check(name = \"ck_pet_weight\", constraints = \"weight > 0\")"
                    + " public class Pet { @Id Long id; @Column(nullable = false) String name;"
                    + " @Column(unique = true) String chip; Integer weight;"
                    + " @ManyToOne @JoinColumn(name = \"owner_id\", foreignKey = @ForeignKey(name = \"fk_pet_owner\")) Owner owner; }";
    private static final String TAG = "@Entity public class Tag { @Id Long id; @Column(unique = true) String label; }";

    private EntityChange change() {
        return new EntityChange(
                work,
                Map.of("Owner.java", OWNER, "Pet.java", PET_V1),
                Map.of("Owner.java", OWNER, "Pet.java", PET_V2, "Tag.java", TAG));
    }

    @Test
    void changesToTablesWithRowsAreWrittenInTheFormsThatLetTrafficGoOn() {
        try (EntityChange change = change()) {
            change.atVersion1(
                    "insert into owner (id, name) values (1, 'Ann')",
                    "insert into pet (id, name, chip, weight, owner_id) values (1, 'Rex', 'A1', 30, 1), (2, 'Tom', 'B2', 4, null)");
            change.generate();
            String source = change.source();
            assertThat(source)
                    .contains("op.createIndexConcurrently(name(\"pet\"), index(\"ix_pet_name\")")
                    .contains("op.addUniqueConstraintConcurrently(name(\"pet\"), unique(")
                    .contains("op.addForeignKeyNotValid(name(\"pet\"),")
                    .contains("op.validateConstraint(name(\"pet\"), \"fk_pet_owner\")")
                    .contains("op.addCheckConstraintNotValid(name(\"pet\"), check(\"ck_pet_weight\"")
                    .contains("op.validateConstraint(name(\"pet\"), \"ck_pet_weight\")")
                    .contains("// Lock-safe")
                    .doesNotContain("// Risk (");
            boolean eighteen = Integer.parseInt(change.rows("select current_setting('server_version_num')::int / 10000")
                            .get(0))
                    >= 18;
            assertThat(source)
                    .as("NOT NULL as the server's version can add it")
                    .contains(
                            eighteen
                                    ? "op.addNotNullNotValid(name(\"pet\"), column(\"name\", \"character varying(255)\"),"
                                            + " \"pet_name_not_null\");"
                                    : "check(\"pet_name_not_null_proof\", \"name IS NOT NULL\")");
            // The new table takes the plain forms: it has no rows and no traffic yet.
            assertThat(source)
                    .contains("op.createTable(table(name(\"tag\"))")
                    .doesNotContain("op.addUniqueConstraintConcurrently(name(\"tag\")");
            assertThat(change.changes()).extracting(Change::risk).containsOnlyNulls();
            assertThat(change.autogen().lint("head")).isEmpty();

            change.apply();
            assertThat(change.rows("select id, name, chip from pet order by id"))
                    .containsExactly("1|Rex|A1", "2|Tom|B2");
            assertThat(change.rows("select count(*) from pg_constraint where not convalidated"))
                    .containsExactly("0");
            change.downgrade();
        }
    }

    @Test
    void onATableTheMigrationRewritesThePlainFormsAreWrittenAndSaidWhy() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of("Owner.java", OWNER, "Pet.java", PET_V1),
                Map.of(
                        "Owner.java",
                        OWNER,
                        "Pet.java",
                        PET_V2.replace("Integer weight;", "Long weight;"),
                        "Tag.java",
                        TAG))) {
            change.atVersion1(
                    "insert into owner (id, name) values (1, 'Ann')",
                    "insert into pet (id, name, chip, weight, owner_id) values (1, 'Rex', 'A1', 30, 1)");
            change.generate();
            assertThat(change.source())
                    .contains("op.createIndex(name(\"pet\"), index(\"ix_pet_name\")")
                    .contains("op.addForeignKey(name(\"pet\"),")
                    .doesNotContain("Concurrently(name(\"pet\")")
                    .doesNotContain("NotValid(name(\"pet\")")
                    .contains("// Plain, inside the migration's transaction: the migration rewrites this table")
                    .contains("// Risk (type-change-rewrites)");
            change.apply();
            change.downgrade();
        }
    }

    @Test
    void theRowsADropTakesAndTheRowsAConstraintWouldRefuseAreCountedForTheReviewer() {
        try (EntityChange change = new EntityChange(
                work,
                Map.of(
                        "Owner.java",
                        OWNER,
                        "Pet.java",
                        PET_V1,
                        "Cage.java",
                        "@Entity public class Cage { @Id Long id; }"),
                Map.of("Owner.java", OWNER, "Pet.java", PET_V2.replace("@Column(unique = true) String chip;", "")))) {
            change.atVersion1(
                    "insert into owner (id, name) values (1, 'Ann')",
                    "insert into cage (id) values (1), (2), (3)",
                    "insert into pet (id, name, chip, weight, owner_id) values"
                            + " (1, 'Rex', 'A1', 30, 1), (2, null, 'B2', -4, 7), (3, null, null, 5, null)");
            change.generate();
            assertThat(change.source())
                    .contains("// Rows: public.cage has 3 rows.")
                    .contains("// Rows: public.pet has 2 rows with a value in chip.")
                    .contains("// Rows: public.pet has 2 rows with null in name now")
                    .contains("// Rows: public.pet has 1 row breaking it now")
                    .contains("// Rows: public.pet has 1 row pointing at no row of public.owner now");
        }
    }

    @Test
    void withTheSettingOffThePlainFormsAreWrittenAndLintSaysWhatTheyRisk() {
        try (EntityChange change = change()) {
            change.atVersion1("insert into pet (id, name) values (1, 'Rex')");
            change.generate(request -> request.withLockSafe(false));
            assertThat(change.source())
                    .contains("op.createIndex(name(\"pet\")")
                    .contains("op.addForeignKey(name(\"pet\"),")
                    .doesNotContain("Concurrently")
                    .doesNotContain("NotValid")
                    .contains("// Risk (create-index-blocks-writes)");
            assertThat(change.autogen().lint("head"))
                    .extracting(finding -> finding.rule())
                    .contains(
                            "create-index-blocks-writes",
                            "add-unique-builds-index",
                            "add-foreign-key-validates",
                            "add-check-validates",
                            "set-not-null-scans");
            change.apply();
        }
    }
}
