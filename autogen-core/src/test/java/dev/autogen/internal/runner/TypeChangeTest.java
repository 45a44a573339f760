package dev.autogen.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunOptions;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Type changes on tables with rows, up and down: nothing is ever cut, rounded or shifted without a word;
 * a value that does not fit fails the migration, which then changes nothing.
 */
@Tag("database")
class TypeChangeTest {

    private static final QualifiedName ITEM = new QualifiedName("public", "item");

    @Test
    void aNarrowingFailsOnAValueThatDoesNotFitAndPassesWhenAllFit() throws SQLException {
        Column wide = Column.of("name", "character varying(150)", true);
        Column narrow = wide.withType("character varying(100)");
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            db.execute(
                    "create table item (id integer primary key, name character varying(150))",
                    "insert into item select i, repeat('x', 50) from generate_series(1, 1000) i",
                    "insert into item values (1001, repeat('y', 120))");
            Runner runner = runner(new AlterColumn(ITEM, wide, narrow));

            assertThatThrownBy(() -> runner.upgrade(c, "head"))
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining(
                            "a value of public.item.name does not convert from character varying(150) to character varying(100) unchanged")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.MIGRATION_FAILED);
            assertThat(
                            rows(
                                    c,
                                    "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'item'::regclass and attname = 'name'"))
                    .containsExactly("character varying(150)");
            assertThat(rows(c, "select count(*)::text from item where length(name) = 120"))
                    .containsExactly("1");

            db.execute("update item set name = repeat('y', 90) where id = 1001");
            assertThat(runner.upgrade(c, "head").after()).containsExactly("r1");
            assertThat(rows(c, "select count(*)::text from item where length(name) = 90"))
                    .containsExactly("1");

            assertThat(runner.downgrade(c, "base").after()).as("widening back").isEmpty();
        }
    }

    @Test
    void aWideningUndoneFailsWhenLongerValuesCameSince() throws SQLException {
        Column narrow = Column.of("name", "character varying(10)", true);
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            db.execute(
                    "create table item (id integer primary key, name character varying(10))",
                    "insert into item values (1, 'short')");
            Runner runner = runner(new AlterColumn(ITEM, narrow, narrow.withType("character varying(40)")));
            runner.upgrade(c, "head");
            db.execute("insert into item values (2, 'a good deal longer than ten')");

            assertThatThrownBy(() -> runner.downgrade(c, "base"))
                    .hasMessageContaining("does not convert from character varying(40)");
            assertThat(rows(c, "select name from item order by id"))
                    .containsExactly("short", "a good deal longer than ten");
        }
    }

    @Test
    void fewerDecimalPlacesFailRatherThanRound() throws SQLException {
        Column precise = Column.of("price", "numeric(12,4)", true);
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            db.execute(
                    "create table item (id integer primary key, price numeric(12,4))",
                    "insert into item values (1, 2.345), (2, 7.5)");
            Runner runner = runner(new AlterColumn(ITEM, precise, precise.withType("numeric(12,2)")));

            assertThatThrownBy(() -> runner.upgrade(c, "head"))
                    .hasMessageContaining("does not convert from numeric(12,4) to numeric(12,2)");
            assertThat(rows(c, "select price::text from item order by id")).containsExactly("2.3450", "7.5000");
        }
    }

    @Test
    void aTimestampGainsItsZoneAsUtcWhateverTheSessionSays() throws SQLException {
        Column local = Column.of("at", "timestamp(6) without time zone", true);
        Column zoned = local.withType("timestamp(6) with time zone");
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(
                    "create table item (id integer primary key, at timestamp(6) without time zone)",
                    "insert into item values (1, '2026-06-01 12:00:00')");
            try (Connection c = db.connect();
                    Statement machine = c.createStatement()) {
                machine.execute("set time zone 'America/New_York'");
                Runner runner = runner(new AlterColumn(ITEM, local, zoned));
                runner.upgrade(c, "head");
                assertThat(rows(c, "select to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from item"))
                        .containsExactly("2026-06-01 12:00");
                assertThat(PostgresDialect.INSTANCE.render(new AlterColumn(ITEM, local, zoned)))
                        .contains("alter table public.item alter column at type timestamp(6) with time zone"
                                + " using at at time zone 'UTC'");
                machine.execute("set time zone 'Asia/Tokyo'");
                runner.downgrade(c, "base");
                assertThat(rows(c, "select to_char(at, 'YYYY-MM-DD HH24:MI') from item"))
                        .containsExactly("2026-06-01 12:00");
            }
        }
    }

    @Test
    void aTypeChangeOnAColumnWithADefaultMovesTheDefaultToo() throws SQLException {
        Column flag = Column.of("active", "boolean", false).withDefaultValue("false");
        Column count = Column.of("active", "integer", false).withDefaultValue("0");
        try (TestDatabase db = TestDatabase.create();
                Connection c = db.connect()) {
            db.execute(
                    "create table item (id integer primary key, active boolean not null default false)",
                    "insert into item values (1, true), (2, false)");
            Runner runner = runner(new AlterColumn(ITEM, flag, count));

            runner.upgrade(c, "head");
            assertThat(rows(c, "select active::text from item order by id")).containsExactly("1", "0");
            db.execute("insert into item (id) values (3)");
            assertThat(rows(c, "select active::text from item where id = 3")).containsExactly("0");

            db.execute("delete from item where id = 3");
            runner.downgrade(c, "base");
            assertThat(rows(c, "select active::text from item order by id")).containsExactly("true", "false");
            assertThat(rows(c, "select pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'item'::regclass"))
                    .containsExactly("false");
        }
    }

    private static Runner runner(Operation change) {
        return new Runner(
                RevisionGraph.of(List.of(RunnerTest.node("r1", List.of(), List.of(), change))),
                PostgresDialect.INSTANCE,
                "public",
                "autogen_version",
                RunOptions.DEFAULT,
                RunListener.NONE);
    }

    static List<String> rows(Connection c, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
