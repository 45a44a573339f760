package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.Autogen;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateTable;
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
            String major = asked.isBlank() ? "17" : asked.substring(0, asked.indexOf('.'));
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
