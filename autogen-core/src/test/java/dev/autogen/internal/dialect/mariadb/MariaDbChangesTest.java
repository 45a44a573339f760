package dev.autogen.internal.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autogen.Autogen;
import dev.autogen.api.AutogenException;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.api.RunResult;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.MariaDbCatalog;
import dev.autogen.testing.TestMariaDb;
import dev.autogen.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity edits migrated on a real MariaDB with rows in the tables, both ways; a migration the rows refuse
 * part way (MariaDB commits each DDL statement on its own) undone to where it started; and several runs
 * starting together, as replicas do, applying each migration once.
 */
@Tag("database")
@EnabledIf("dev.autogen.testing.TestMariaDb#available")
class MariaDbChangesTest {

    @TempDir
    Path work;

    private static final String SHOP = """
            @Entity
            @jakarta.persistence.Table(indexes = {
                    @jakarta.persistence.Index(name = "ix_shop_name", columnList = "name"), %s})
            public class Shop {
                public enum Kind { SMALL, LARGE }
                @Id Long id;
                @Column(nullable = false, length = 80) String name;
                @Column(length = %d) String code;
                @Enumerated(EnumType.STRING) Kind kind;
                @Column(precision = 10, scale = 2) BigDecimal price;
                @ManyToOne Shop parent;
                %s
            }
            """;

    private static final Map<String, String> V1 = Map.of("Shop.java", SHOP.formatted("", 20, ""));
    // An index on an existing table: built online (algorithm=inplace, lock=none), as lock.safe asks.
    private static final Map<String, String> V2 = Map.of(
            "Shop.java",
            SHOP.formatted("@jakarta.persistence.Index(name = \"ix_shop_code\", columnList = \"code\")", 40, """
                    @Column(nullable = false) @ColumnDefault("0") Integer stock;
                    @Column(length = 200) String note;
                    """));

    private static final String BOX = """
            @Entity
            public class Box {
                public enum Size { SMALL, MEDIUM, LARGE }
                @Id Long id;
                @Enumerated(EnumType.%s) Size size;
            }
            """;

    /**
     * MariaDB alone would turn ordinal 1 into the enum's first label and 0 into nothing (it counts labels from
     * one), and a label back into its position from one: every row a constant off.
     */
    @Test
    void anEnumGoingFromOrdinalToNameKeepsEachRowsConstantBothWays() throws Exception {
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb hibernates = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Box.java", BOX.formatted("ORDINAL")));
            Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Box.java", BOX.formatted("STRING")));
            HibernateApplication.createFrom(hibernates.settings(), EntityChange.source(v2), v2);
            autogen(db, v1).revision(RevisionRequest.autogenerate("ordinal"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into box (id, size) values (1, 0), (2, 1), (3, 2), (4, null)");

            RevisionResult byName = autogen(db, v2).revision(RevisionRequest.autogenerate("by name"));
            assertThat(Files.readString(byName.file())).contains("Values keep their meaning: SMALL: '0' -> 'SMALL'");
            autogen(db, v2).upgrade("head");
            assertThat(db.query("select coalesce(size, '-') from box order by id"))
                    .containsExactly("SMALL", "MEDIUM", "LARGE", "-");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates));
            assertThat(autogen(db, v2).check()).isEmpty();

            autogen(db, v1).downgrade("-1");
            assertThat(db.query("select coalesce(size, '-') from box order by id"))
                    .containsExactly("0", "1", "2", "-");
            assertThat(autogen(db, v1).check()).isEmpty();
        }
    }

    /** An ordinal past the last constant stands for nothing: MariaDB alone would make it a label by position. */
    @Test
    void anOrdinalThatStandsForNoConstantFailsTheMigrationNamingItself() {
        try (TestMariaDb db = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Box.java", BOX.formatted("ORDINAL")));
            Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Box.java", BOX.formatted("STRING")));
            autogen(db, v1).revision(RevisionRequest.autogenerate("ordinal"));
            autogen(db, v1).upgrade("head");
            // Written before the check Hibernate now adds (size between 0 and 2), by another application.
            db.execute("alter table box modify size tinyint");
            db.execute("insert into box (id, size) values (1, 0), (2, 3)");
            Autogen byName = autogen(db, v2);
            byName.revision(RevisionRequest.autogenerate("by name"));
            List<String> before = MariaDbCatalog.of(db);

            AutogenException failure = catchThrowableOfType(AutogenException.class, () -> byName.upgrade("head"));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("autogen: 3 stands for no value of the attribute");
            assertThat(MariaDbCatalog.of(db)).isEqualTo(before);
            assertThat(db.query("select size from box order by id")).containsExactly("0", "3");
        }
    }

    /**
     * The values converted, then the new type refusing one of them (a label longer than the column): the
     * conversion is taken back before the column is, so that the rows hold their ordinals again.
     */
    @Test
    void aConversionTheNewTypeRefusesIsTakenBackWithTheColumn() {
        String narrow = BOX.formatted("STRING")
                .replace(
                        "@Enumerated(EnumType.STRING) Size size;",
                        "@Enumerated(EnumType.STRING) @org.hibernate.annotations.JdbcTypeCode(java.sql.Types.VARCHAR)"
                                + " @Column(length = 5) Size size;");
        try (TestMariaDb db = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Box.java", BOX.formatted("ORDINAL")));
            Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Box.java", narrow));
            autogen(db, v1).revision(RevisionRequest.autogenerate("ordinal"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into box (id, size) values (1, 0), (2, 1)");
            Autogen byName = autogen(db, v2);
            byName.revision(RevisionRequest.autogenerate("by name"));
            List<String> before = MariaDbCatalog.of(db);

            AutogenException failure = catchThrowableOfType(AutogenException.class, () -> byName.upgrade("head"));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("were undone");
            assertThat(MariaDbCatalog.of(db)).isEqualTo(before);
            assertThat(db.query("select size from box order by id")).containsExactly("0", "1");
            assertThat(autogen(db, v1).check()).isEmpty();
        }
    }

    /** A conversion that completed, undone after a later statement failed: its values mapped back too. */
    @Test
    void aCompletedConversionIsMappedBackWhenALaterStatementFails() {
        String labelled = BOX.replace("Size size;", "Size size; @Column(unique = %s) String label;");
        try (TestMariaDb db = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(
                    work.resolve("v1"), Map.of("Box.java", labelled.formatted("ORDINAL", "false")));
            Path v2 =
                    EntityChange.compile(work.resolve("v2"), Map.of("Box.java", labelled.formatted("STRING", "true")));
            autogen(db, v1).revision(RevisionRequest.autogenerate("ordinal"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into box (id, size, label) values (1, 0, 'same'), (2, 2, 'same')");
            Autogen byName = autogen(db, v2);
            byName.revision(RevisionRequest.autogenerate("by name, labels unique"));
            List<String> before = MariaDbCatalog.of(db);

            AutogenException failure = catchThrowableOfType(AutogenException.class, () -> byName.upgrade("head"));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("Duplicate entry 'same'").contains("were undone");
            assertThat(MariaDbCatalog.of(db)).isEqualTo(before);
            assertThat(db.query("select size from box order by id")).containsExactly("0", "2");
        }
    }

    /**
     * A boolean gaining a converter: MariaDB alone would turn {@code bit(1)} into the text {@code '1'}, and
     * refuse to turn {@code 'Y'} back into a bit.
     */
    @Test
    void aBooleanGainingAConverterKeepsEachRowsValueBothWays() throws Exception {
        String flag = """
                @Entity
                public class Flag {
                    @Id Long id;
                    %s Boolean active;
                }
                """;
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb hibernates = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Flag.java", flag.formatted("")));
            Path v2 = EntityChange.compile(
                    work.resolve("v2"),
                    Map.of(
                            "Flag.java",
                            flag.formatted("@Convert(converter = org.hibernate.type.YesNoConverter.class)")));
            HibernateApplication.createFrom(hibernates.settings(), EntityChange.source(v2), v2);
            autogen(db, v1).revision(RevisionRequest.autogenerate("bit"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into flag (id, active) values (1, true), (2, false), (3, null)");

            RevisionResult yesNo = autogen(db, v2).revision(RevisionRequest.autogenerate("yes or no"));
            assertThat(Files.readString(yesNo.file())).contains("Values keep their meaning: true: '1' -> 'Y'");
            autogen(db, v2).upgrade("head");
            assertThat(db.query("select coalesce(active, '-') from flag order by id"))
                    .containsExactly("Y", "N", "-");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates));
            assertThat(autogen(db, v2).check()).isEmpty();

            autogen(db, v1).downgrade("-1");
            assertThat(db.query("select coalesce(active + 0, '-') from flag order by id"))
                    .containsExactly("1", "0", "-");
            assertThat(autogen(db, v1).check()).isEmpty();
        }
    }

    /**
     * A foreign key and a check given new names: MariaDB renames neither in place, so each is dropped and
     * added again under its new name, both ways, the rows kept.
     */
    @Test
    void aRenamedForeignKeyAndCheckAreDroppedAndAddedAgain() throws Exception {
        String owner = "@Entity public class Owner { @Id Long id; }";
        String pet = """
                @Entity
                @org.hibernate.annotations.Check(name = "%s", constraints = "weight >= 0")
                public class Pet {
                    @Id Long id;
                    Integer weight;
                    @ManyToOne @JoinColumn(name = "owner_id", foreignKey = @ForeignKey(name = "%s")) Owner owner;
                }
                """;
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb hibernates = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(
                    work.resolve("v1"),
                    Map.of("Owner.java", owner, "Pet.java", pet.formatted("ck_weight", "fk_owner")));
            Path v2 = EntityChange.compile(
                    work.resolve("v2"),
                    Map.of("Owner.java", owner, "Pet.java", pet.formatted("ck_pet_weight", "fk_pet_owner")));
            HibernateApplication.createFrom(hibernates.settings(), EntityChange.source(v2), v2);
            autogen(db, v1).revision(RevisionRequest.autogenerate("named"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into owner (id) values (1)");
            db.execute("insert into pet (id, weight, owner_id) values (1, 4, 1)");

            RevisionResult renamed = autogen(db, v2).revision(RevisionRequest.autogenerate("renamed"));
            String upgrade = Files.readString(renamed.file());
            upgrade = upgrade.substring(0, upgrade.indexOf("void downgrade"));
            assertThat(upgrade)
                    .doesNotContain("renameConstraint")
                    .contains(
                            "foreignKey(\"fk_owner\"",
                            "foreignKey(\"fk_pet_owner\"",
                            "\"ck_weight\"",
                            "\"ck_pet_weight\"");
            autogen(db, v2).upgrade("head");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates));
            assertThat(autogen(db, v2).check()).isEmpty();
            autogen(db, v1).downgrade("-1");
            assertThat(autogen(db, v1).check()).isEmpty();
            assertThat(db.query("select weight from pet")).containsExactly("4");
        }
    }

    /**
     * A duration and a UUID given another of the forms Hibernate offers on MariaDB: each is the same value in
     * both (nanoseconds as {@code decimal(21,0)} or {@code bigint}; a UUID's sixteen bytes in order as
     * {@code uuid} or {@code binary(16)}), and MariaDB's own change of type keeps it, both ways.
     */
    @Test
    void aDurationAndAUuidKeepTheirValuesAcrossTheFormsHibernateOffers() throws Exception {
        String timer = """
                @Entity
                public class Timer {
                    @Id Long id;
                    %s java.time.Duration span;
                    %s java.util.UUID token;
                }
                """;
        String bigint = "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT)";
        String binary = "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.BINARY)";
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb hibernates = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Timer.java", timer.formatted("", "")));
            Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Timer.java", timer.formatted(bigint, binary)));
            HibernateApplication.createFrom(hibernates.settings(), EntityChange.source(v2), v2);
            autogen(db, v1).revision(RevisionRequest.autogenerate("decimal and uuid"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into timer (id, span, token) values"
                    + " (1, 90000000000, '01234567-89ab-cdef-fedc-ba9876543210'), (2, null, null)");

            autogen(db, v2).revision(RevisionRequest.autogenerate("bigint and bytes"));
            autogen(db, v2).upgrade("head");
            assertThat(
                            db.query(
                                    "select concat(coalesce(span, '-'), ' ', coalesce(hex(token), '-')) from timer order by id"))
                    .containsExactly("90000000000 0123456789ABCDEFFEDCBA9876543210", "- -");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates));
            assertThat(autogen(db, v2).check()).isEmpty();

            autogen(db, v1).downgrade("-1");
            assertThat(
                            db.query(
                                    "select concat(coalesce(span, '-'), ' ', coalesce(cast(token as char), '-')) from timer order by id"))
                    .containsExactly("90000000000 01234567-89ab-cdef-fedc-ba9876543210", "- -");
            assertThat(autogen(db, v1).check()).isEmpty();
        }
    }

    /** A UUID between its bytes and its text, which MariaDB refuses to convert by itself, both ways. */
    @Test
    void aUuidBetweenBytesAndTextKeepsItsValueBothWays() throws Exception {
        String token = """
                @Entity
                public class Token {
                    @Id Long id;
                    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.%s) java.util.UUID value;
                }
                """;
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb hibernates = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Token.java", token.formatted("BINARY")));
            Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Token.java", token.formatted("CHAR")));
            HibernateApplication.createFrom(hibernates.settings(), EntityChange.source(v2), v2);
            autogen(db, v1).revision(RevisionRequest.autogenerate("bytes"));
            autogen(db, v1).upgrade("head");
            db.execute(
                    "insert into token (id, value) values (1, unhex('0123456789abcdeffedcba9876543210')), (2, null)");

            RevisionResult asText = autogen(db, v2).revision(RevisionRequest.autogenerate("text"));
            assertThat(Files.readString(asText.file())).contains("Values keep their meaning: a UUID held as bytes");
            autogen(db, v2).upgrade("head");
            assertThat(db.query("select coalesce(value, '-') from token order by id"))
                    .containsExactly("01234567-89ab-cdef-fedc-ba9876543210", "-");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates));
            assertThat(autogen(db, v2).check()).isEmpty();

            autogen(db, v1).downgrade("-1");
            assertThat(db.query("select coalesce(hex(value), '-') from token order by id"))
                    .containsExactly("0123456789ABCDEFFEDCBA9876543210", "-");
            assertThat(autogen(db, v1).check()).isEmpty();
        }
    }

    /** A column dropped instantly once the index that holds it is gone, both ways, the rows kept. */
    @Test
    void aColumnIsDroppedInstantlyAfterItsIndex() throws Exception {
        String item = """
                @Entity
                @jakarta.persistence.Table(indexes = {%s})
                public class Item {
                    @Id Long id;
                    String name;
                    %s
                }
                """;
        try (TestMariaDb db = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(
                    work.resolve("v1"),
                    Map.of(
                            "Item.java",
                            item.formatted(
                                    "@jakarta.persistence.Index(name = \"ix_item_code\", columnList = \"code\")",
                                    "String code;")));
            Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Item.java", item.formatted("", "")));
            autogen(db, v1).revision(RevisionRequest.autogenerate("with code"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into item (id, name, code) values (1, 'one', 'A'), (2, 'two', 'B')");

            RevisionResult dropped = autogen(db, v2).revision(RevisionRequest.autogenerate("without code"));
            String upgrade = Files.readString(dropped.file());
            upgrade = upgrade.substring(0, upgrade.indexOf("void downgrade"));
            assertThat(upgrade.indexOf("op.dropIndexConcurrently(name(\"item\")"))
                    .isNotNegative()
                    .isLessThan(upgrade.indexOf("op.dropColumnInstantly(name(\"item\"), column(\"code\""));
            autogen(db, v2).upgrade("head");
            assertThat(autogen(db, v2).check()).isEmpty();
            assertThat(db.query("select name from item order by id")).containsExactly("one", "two");
            autogen(db, v1).downgrade("-1");
            assertThat(autogen(db, v1).check()).isEmpty();
        }
    }

    /** What the rows say beside a revision, as on PostgreSQL: counted on tables of modest size. */
    @Test
    void theRowsADropTakesAndTheRowsAConstraintWouldRefuseAreCountedForTheReviewer() throws Exception {
        String owner = "@Entity public class Owner { @Id Long id; String name; }";
        String pet = """
                @Entity
                public class Pet {
                    @Id Long id;
                    %s
                }
                """;
        Map<String, String> v1 = Map.of(
                "Owner.java",
                owner,
                "Cage.java",
                "@Entity public class Cage { @Id Long id; }",
                "Pet.java",
                pet.formatted("String name; String chip; String tag; @Column(name = \"owner_id\") Long ownerId;"));
        Map<String, String> v2 = Map.of(
                "Owner.java",
                owner,
                "Pet.java",
                pet.formatted("@Column(nullable = false) String name; @Column(unique = true) String tag;"
                        + " @ManyToOne @JoinColumn(name = \"owner_id\") Owner owner;"));
        try (TestMariaDb db = TestMariaDb.create()) {
            Path one = EntityChange.compile(work.resolve("v1"), v1);
            Path two = EntityChange.compile(work.resolve("v2"), v2);
            autogen(db, one).revision(RevisionRequest.autogenerate("version 1"));
            autogen(db, one).upgrade("head");
            db.execute("insert into owner (id, name) values (1, 'Ann')");
            db.execute("insert into cage (id) values (1), (2), (3)");
            db.execute("insert into pet (id, name, chip, tag, owner_id) values"
                    + " (1, 'Rex', 'A1', 'x', 1), (2, null, 'B2', 'x', 7), (3, null, null, null, null)");

            RevisionResult revision = autogen(db, two).revision(RevisionRequest.autogenerate("version 2"));

            // The comments as one text: a remark is wrapped at the line's width.
            String remarks = Files.readString(revision.file()).replaceAll("\n\\s*// ", " ");
            assertThat(remarks)
                    .contains("Lock-safe: its unique index is built online (algorithm=inplace, lock=none)")
                    .doesNotContain("concurrently, outside the migration's transaction")
                    .contains(".cage has 3 rows.")
                    .contains(".pet has 2 rows with a value in chip.")
                    .contains(".pet has 2 rows with null in name now; the step fails until they are mended.")
                    .contains(".pet has 2 rows sharing their tag with another row now")
                    .contains(".pet has 1 row pointing at no row of ");
        }
    }

    @Test
    void editsMigrateBothWaysWithTheRowsKept() throws Exception {
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb hibernates1 = TestMariaDb.create();
                TestMariaDb hibernates2 = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), V1);
            Path v2 = EntityChange.compile(work.resolve("v2"), V2);
            HibernateApplication.createFrom(hibernates1.settings(), EntityChange.source(v1), v1);
            HibernateApplication.createFrom(hibernates2.settings(), EntityChange.source(v2), v2);

            autogen(db, v1).revision(RevisionRequest.autogenerate("version 1"));
            autogen(db, v1).upgrade("head");
            assertThat(MariaDbCatalog.of(db)).containsExactlyElementsOf(MariaDbCatalog.of(hibernates1));
            db.execute(
                    "insert into shop (id, name, code, kind, price) values (1, 'one', 'A-1', 'SMALL', 2.50)",
                    "insert into shop (id, name, code, kind, price, parent_id) values (2, 'two', 'B-2', 'LARGE', 9.99, 1)");

            Autogen two = autogen(db, v2);
            RevisionResult written =
                    two.revision(RevisionRequest.autogenerate("version 2").withLockSafe(true));
            assertThat(written.written()).isPresent();
            String source = Files.readString(written.written().get());
            assertThat(source.substring(0, source.indexOf("void downgrade")))
                    .as("the new index on a table with rows, built online")
                    .contains("op.createIndexConcurrently(name(\"shop\"), index(\"ix_shop_code\").column(\"code\"))")
                    .as("new columns, added as a change of the definition alone")
                    .contains("op.addColumnInstantly(name(\"shop\"), column(\"note\", \"varchar(200)\"))")
                    .contains("op.addColumnInstantly(name(\"shop\"), column(\"stock\"")
                    .as("a longer varchar, in place: no data loss, no risk")
                    .doesNotContain("Data loss: changes")
                    .doesNotContain("Risk (");
            two.upgrade("head");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates2));
            assertThat(two.check()).isEmpty();
            assertThat(db.query("select id, name, code, kind, price, parent_id, stock from shop order by id"))
                    .containsExactly("1|one|A-1|SMALL|2.50|null|0", "2|two|B-2|LARGE|9.99|1|0");

            two.downgrade("-1");
            assertThat(MariaDbCatalog.withColumnsByName(db))
                    .containsExactlyElementsOf(MariaDbCatalog.withColumnsByName(hibernates1));
            assertThat(db.query("select id, name, code, kind, price, parent_id from shop order by id"))
                    .containsExactly("1|one|A-1|SMALL|2.50|null", "2|two|B-2|LARGE|9.99|1");
        }
    }

    @Test
    void aMigrationTheRowsRefusePartWayIsUndoneAndTheVersionStays() {
        // A new column first, which commits on its own, then a unique key the rows refuse.
        Map<String, String> refused = Map.of(
                "Shop.java",
                SHOP.formatted("", 20, "@Column(length = 200) String note;")
                        .replace("length = 80) String name", "length = 80, unique = true) String name"));
        try (TestMariaDb db = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), V1);
            Path v2 = EntityChange.compile(work.resolve("v2"), refused);
            autogen(db, v1).revision(RevisionRequest.autogenerate("version 1"));
            autogen(db, v1).upgrade("head");
            db.execute("insert into shop (id, name) values (1, 'same'), (2, 'same')");
            Autogen two = autogen(db, v2);
            two.revision(RevisionRequest.autogenerate("version 2"));
            List<String> before = MariaDbCatalog.of(db);
            List<String> version = db.query("select version_num from autogen_version");

            AutogenException failure = catchThrowableOfType(AutogenException.class, () -> two.upgrade("head"));

            assertThat(failure).as("the upgrade fails").isNotNull();
            assertThat(failure.getMessage())
                    .contains("Duplicate entry 'same'")
                    .as("the column added before it committed, and is taken away again")
                    .contains("which had committed on their own, were undone");
            assertThat(MariaDbCatalog.of(db)).as("nothing of it is left").isEqualTo(before);
            assertThat(db.query("select version_num from autogen_version")).isEqualTo(version);
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'partial'"))
                    .containsExactly("0");
            assertThat(db.query("select name from shop")).containsExactly("same", "same");
        }
    }

    /**
     * A column added instantly on a table MariaDB would have to copy for it (one with a full-text index): the
     * statement fails at once instead of blocking writes while it copies, and the migration is undone.
     */
    @Test
    void aColumnMariaDbCouldAddOnlyByCopyingTheTableFailsAtOnceAndTheMigrationIsUndone() {
        try (TestMariaDb db = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), V1);
            Path v2 = EntityChange.compile(work.resolve("v2"), V2);
            autogen(db, v1).revision(RevisionRequest.autogenerate("version 1"));
            autogen(db, v1).upgrade("head");
            Autogen two = autogen(db, v2);
            two.revision(RevisionRequest.autogenerate("version 2").withLockSafe(true));
            db.execute(
                    "insert into shop (id, name) values (1, 'one')",
                    "alter table shop add fulltext index ft_shop_name (name)");
            List<String> before = MariaDbCatalog.of(db);

            AutogenException failure = catchThrowableOfType(AutogenException.class, () -> two.upgrade("head"));

            assertThat(failure).as("the upgrade fails").isNotNull();
            assertThat(failure.getMessage()).contains("ALGORITHM=INSTANT");
            assertThat(MariaDbCatalog.of(db)).as("nothing of it is left").isEqualTo(before);
            assertThat(db.query("select count(*) from autogen_version_history where direction = 'upgrade'"))
                    .containsExactly("1");
            assertThat(db.query("select name from shop")).containsExactly("one");
        }
    }

    @Test
    void runsStartingTogetherApplyEachMigrationOnce() throws Exception {
        try (TestMariaDb db = TestMariaDb.create();
                TestMariaDb authors = TestMariaDb.create()) {
            Path v1 = EntityChange.compile(work.resolve("v1"), V1);
            Path v2 = EntityChange.compile(work.resolve("v2"), V2);
            autogen(authors, v1).revision(RevisionRequest.autogenerate("version 1"));
            autogen(authors, v1).upgrade("head");
            autogen(authors, v2).revision(RevisionRequest.autogenerate("version 2"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<RunResult>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<RunResult> run = () -> autogen(db, v2).upgrade("head");
                    runs.add(pool.submit(run));
                }
                for (Future<RunResult> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(db.query("select revision, count(*) from autogen_version_history where direction = 'upgrade'"
                            + " group by revision order by min(id)"))
                    .hasSize(2)
                    .allMatch(row -> row.endsWith("|1"));
            assertThat(autogen(db, v2).check()).isEmpty();
        }
    }

    @Test
    void theCatalogIsReadInAsManyQueriesForFortyTablesAsForOneAndKeysKeepTheirColumnsAndRules() throws Exception {
        try (TestMariaDb db = TestMariaDb.create();
                Connection connection = db.connect()) {
            db.execute("create table t0 (id int primary key, code varchar(10), unique key uk_t0 (code, id))");
            IntrospectionScope scope = IntrospectionScope.of(db.name());
            int one = MariaDbDialect.INSTANCE.introspect(connection, scope).catalogQueries();
            for (int i = 1; i < 40; i++) {
                db.execute("create table t" + i + " (id int primary key, a int, b int, unique key uk_t" + i + " (b, a),"
                        + " constraint fk_t" + i + " foreign key (a) references t" + (i - 1)
                        + " (id) on delete cascade on update set null)");
            }
            var introspection = MariaDbDialect.INSTANCE.introspect(connection, scope);
            assertThat(introspection.catalogQueries()).isEqualTo(one);
            var t5 = introspection.schema().tables().stream()
                    .filter(t -> t.name().name().equals("t5"))
                    .findFirst()
                    .orElseThrow();
            assertThat(t5.primaryKey().columns()).containsExactly("id");
            assertThat(t5.uniqueConstraints())
                    .singleElement()
                    .satisfies(u -> assertThat(u.columns()).containsExactly("b", "a"));
            assertThat(t5.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.name()).isEqualTo("fk_t5");
                assertThat(fk.columns()).containsExactly("a");
                assertThat(fk.target().name()).isEqualTo("t4");
                assertThat(fk.targetColumns()).containsExactly("id");
                assertThat(fk.onDelete().toString()).containsIgnoringCase("cascade");
                assertThat(fk.onUpdate().toString()).containsIgnoringCase("set");
            });
        }
    }

    @Test
    void whatABaselineCannotReproduceIsNamedOneALine() throws Exception {
        try (TestMariaDb db = TestMariaDb.create();
                Connection connection = db.connect()) {
            db.execute(
                    "create table item (id int primary key, qty int)",
                    "create view big_items as select id from item where qty > 10",
                    "create trigger item_touch before update on item for each row set new.qty = new.qty",
                    "create function twice(x int) returns int deterministic return x * 2");
            assertThat(MariaDbDialect.INSTANCE.notReproduced(connection, IntrospectionScope.of(db.name())))
                    .containsExactly(
                            "function `" + db.name() + "`.twice",
                            "trigger `" + db.name() + "`.`item_touch`",
                            "view `" + db.name() + "`.`big_items`");
        }
    }

    private Autogen autogen(TestMariaDb db, Path classes) {
        return TestProjects.autogen(work, db, EntityChange.source(classes));
    }
}
