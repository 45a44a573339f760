package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.Autogen;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build runs the families that prove truth on each PostgreSQL autogen supports (see the core pom):
 * this says the server is the one asked for, and holds what only some versions have.
 */
@Tag("database")
class PostgresVersionsTest {

    @TempDir
    Path work;

    private static final IntrospectionScope PUBLIC = IntrospectionScope.of("public");
    private static final QualifiedName LINE = QualifiedName.of("public", "line");

    @Test
    void theServerIsTheVersionTheBuildAsksFor() {
        try (TestDatabase db = TestDatabase.create()) {
            String asked = System.getProperty(TestDatabase.VERSION_PROPERTY, "");
            String major = asked.isBlank() ? "18" : asked.substring(0, asked.indexOf('.'));
            assertThat(db.query("select current_setting('server_version_num')::int / 10000"))
                    .containsExactly(major);
        }
    }

    @Test
    void onEighteenAVirtualGeneratedColumnIsReadWrittenComparedAndStoredWithItsValues() {
        try (TestDatabase db = TestDatabase.create();
                TestDatabase copy = TestDatabase.create()) {
            assumeTrue(major(db) >= 18, "virtual generated columns came with PostgreSQL 18");
            db.execute("create table line (id integer primary key, qty integer,"
                    + " twice integer generated always as (qty * 2) virtual)");
            Table read = db.introspect(PUBLIC).table(LINE).orElseThrow();
            Column twice = read.column("twice").orElseThrow();
            assertThat(twice.generatedAs()).isEqualTo("qty * 2");
            assertThat(twice.virtual()).as("read as virtual").isTrue();

            copy.execute(PostgresDialect.INSTANCE.render(new CreateTable(read)));
            assertThat(copy.query("select attgenerated from pg_attribute where attname = 'twice'"
                            + " and attrelid = 'public.line'::regclass"))
                    .as("written as virtual")
                    .containsExactly("v");

            Table asStored = read.withColumns(read.columns().stream()
                    .map(c -> c.name().equals("twice") ? c.withGenerated("qty * 2", false) : c)
                    .toList());
            Schema stored = db.introspect(PUBLIC).withTables(List.of(asStored));
            List<Operation> toStored =
                    SchemaDiffer.diff(db.introspect(PUBLIC), stored, PostgresDialect.INSTANCE.diffRules());
            assertThat(toStored)
                    .as("stored and virtual differ")
                    .hasSize(1)
                    .first()
                    .isInstanceOf(AlterColumn.class);

            db.execute("insert into line (id, qty) values (1, 21)");
            Column plain = twice.withGeneratedAs(null);
            db.execute(PostgresDialect.INSTANCE.render(new AlterColumn(LINE, twice, plain, null)));
            assertThat(db.query("select twice from line"))
                    .as("a virtual column's values kept")
                    .containsExactly("42");
            assertThat(db.introspect(PUBLIC).table(LINE).orElseThrow().column("twice"))
                    .contains(plain);
        }
    }

    @Test
    void aMigrationGeneratedOnEighteenThatUsesNoneOfItsFeaturesRunsOnFourteen() throws Exception {
        Map<String, String> v1 = Map.of("Shop.java", SHOP.formatted(""));
        Map<String, String> v2 = Map.of("Shop.java", SHOP.formatted("@Column(length = 40) String note;"));
        try (EntityChange change = new EntityChange(work, v1, v2)) {
            assumeTrue(major(change.database()) >= 18, "the versions after 14 are what this is about");
            change.atVersion1("insert into shop (id, name, kind, price) values (1, 'one', 'SMALL', 2.50)");
            change.generate();
            try (EmbeddedPostgres fourteen = TestDatabase.startServer("14.19.0")) {
                ConnectionSettings on14 = new ConnectionSettings(
                        "jdbc:postgresql://localhost:" + fourteen.getPort() + "/postgres", "postgres", null);
                Autogen autogen = change.autogen(settings -> settings.withConnection(() -> on14));
                assertThat(autogen.upgrade("head").after()).containsExactly("c0000000002");
                assertThat(autogen.check())
                        .as("PostgreSQL 14 has what the entities need")
                        .isEmpty();
                try (Connection c = Connections.open(on14);
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(14);
                }
            }
        }
    }

    @Test
    void onEighteenANotNullConstraintKeepsAGivenNameAndAMadeUpOneIsNoDifference() {
        try (TestDatabase db = TestDatabase.create()) {
            assumeTrue(major(db) >= 18, "NOT NULL constraints have names from PostgreSQL 18");
            db.execute("create table line (id integer primary key, qty integer constraint line_qty_given not null,"
                    + " price integer not null, note text)");
            Table read = db.introspect(PUBLIC).table(LINE).orElseThrow();
            Column qty = read.column("qty").orElseThrow();
            assertThat(qty.notNullConstraint()).isEqualTo("line_qty_given");
            assertThat(read.column("price").orElseThrow().notNullConstraint())
                    .as("line_price_not_null, made up by PostgreSQL")
                    .isNull();

            Table asEntitiesSayIt = read.withColumns(read.columns().stream()
                    .map(c -> c.nullable() ? c : c.withNotNullConstraint(null))
                    .toList());
            assertThat(SchemaDiffer.diff(
                            db.introspect(PUBLIC),
                            db.introspect(PUBLIC).withTables(List.of(asEntitiesSayIt)),
                            PostgresDialect.INSTANCE.diffRules()))
                    .as("a name the entities do not give is no difference")
                    .isEmpty();

            DropColumn drop = new DropColumn(LINE, qty);
            db.execute(PostgresDialect.INSTANCE.render(drop));
            db.execute(PostgresDialect.INSTANCE.render(drop.reverse()));
            Column note = read.column("note").orElseThrow();
            db.execute(PostgresDialect.INSTANCE.render(
                    new AlterColumn(LINE, note, note.withNotNullConstraint("line_note_given"))));
            assertThat(db.query("select conname from pg_constraint where conrelid = 'line'::regclass"
                            + " and contype = 'n' order by 1"))
                    .as("given back its name when added again, and given one when made not null")
                    .containsExactly("line_id_not_null", "line_note_given", "line_price_not_null", "line_qty_given");
        }
    }

    @Test
    void aNotNullNameMadeUpOnAClashIsStillMadeUp() {
        // Tables a_b (c) and a (b_c) both make a_b_c_not_null: the second gets a number.
        assertThat(PostgresIntrospector.givenNotNullName("a", "b_c", "a_b_c_not_null1"))
                .isNull();
        assertThat(PostgresIntrospector.givenNotNullName("a", "b_c", "a_b_c_not_null"))
                .isNull();
        assertThat(PostgresIntrospector.givenNotNullName("a", "b_c", "a_c_not_null"))
                .isEqualTo("a_c_not_null");
        String longTable = "t".repeat(60);
        assertThat(PostgresIntrospector.givenNotNullName(
                        longTable, "column", PostgresDiffRules.objectName(longTable, "column", "not_null")))
                .as("shortened to fit 63 bytes")
                .isNull();
    }

    @Test
    void onEighteenAColumnDroppedWithANamedNotNullComesBackWithItsName() throws Exception {
        Map<String, String> v1 = Map.of("Shop.java", SHOP.formatted("@Column(nullable = false) Integer stock;"));
        Map<String, String> v2 = Map.of("Shop.java", SHOP.formatted(""));
        try (EntityChange change = new EntityChange(work, v1, v2)) {
            assumeTrue(major(change.database()) >= 18, "NOT NULL constraints have names from PostgreSQL 18");
            // No rows: a NOT NULL column without a default comes back only to an empty table.
            change.atVersion1();
            change.execute("alter table shop rename constraint shop_stock_not_null to shop_stock_given");
            change.generate();
            assertThat(change.source()).contains(".notNullConstraint(\"shop_stock_given\")");
            change.apply();
            change.autogen().downgrade("-1");
            assertThat(change.rows("select conname from pg_constraint where conrelid = 'shop'::regclass"
                            + " and contype = 'n' and conname like '%stock%'"))
                    .containsExactly("shop_stock_given");
        }
    }

    @Test
    void onEighteenALockSafeRevisionAddsNotNullNotValidAndValidatesIt() throws Exception {
        Map<String, String> v1 = Map.of("Shop.java", SHOP.formatted("Integer stock;"));
        Map<String, String> v2 = Map.of("Shop.java", SHOP.formatted("@Column(nullable = false) Integer stock;"));
        try (EntityChange change = new EntityChange(work, v1, v2)) {
            assumeTrue(major(change.database()) >= 18, "NOT NULL not valid came with PostgreSQL 18");
            change.atVersion1("insert into shop (id, name, stock) values (1, 'one', 5)");
            change.generate(request -> request.withLockSafe(true));
            assertThat(change.source())
                    .contains(
                            "op.addNotNullNotValid(name(\"shop\"), column(\"stock\", \"integer\"), \"shop_stock_not_null\")")
                    .contains("op.validateConstraint(name(\"shop\"), \"shop_stock_not_null\")")
                    .doesNotContain("_not_null_proof");
            change.apply().downgrade();
        }
    }

    private static final String SHOP = """
            @Entity
            @jakarta.persistence.Table(
                    indexes = @jakarta.persistence.Index(columnList = "name"),
                    uniqueConstraints = @jakarta.persistence.UniqueConstraint(columnNames = "code"))
            public class Shop {
                public enum Kind { SMALL, LARGE }
                @Id Long id;
                @Column(nullable = false, length = 80) String name;
                String code;
                @Enumerated(EnumType.STRING) Kind kind;
                @Column(precision = 10, scale = 2) BigDecimal price;
                @ManyToOne Shop parent;
                %s
            }
            """;

    private static int major(TestDatabase db) {
        return Integer.parseInt(db.query("select current_setting('server_version_num')::int / 10000")
                .get(0));
    }
}
