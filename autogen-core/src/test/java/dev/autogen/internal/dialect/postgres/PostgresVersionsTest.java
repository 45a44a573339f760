package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The build runs the families that prove truth on each PostgreSQL autogen supports (see the core pom):
 * this says the server is the one asked for, and holds what only some versions have.
 */
@Tag("database")
class PostgresVersionsTest {

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

    private static int major(TestDatabase db) {
        return Integer.parseInt(db.query("select current_setting('server_version_num')::int / 10000")
                .get(0));
    }
}
