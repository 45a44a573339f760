package dev.autogen.internal.diff;

import static dev.autogen.testing.Models.check;
import static dev.autogen.testing.Models.column;
import static dev.autogen.testing.Models.enumType;
import static dev.autogen.testing.Models.foreignKey;
import static dev.autogen.testing.Models.name;
import static dev.autogen.testing.Models.primaryKey;
import static dev.autogen.testing.Models.table;
import static dev.autogen.testing.Models.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropConstraint;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.testing.Pg;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ and the SQL it leads to, on small hand-built models: no database. */
class SchemaDifferTest {

    private static final QualifiedName MEMBER = name("public", "member");
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    private static Table member() {
        return table(MEMBER)
                .column(column("id", "bigint").notNull())
                .column(column("email", "character varying(120)"))
                .column(column("status", "character varying(10)"))
                .table();
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of("public"), List.of(tables), List.of(), List.of());
    }

    @Test
    void matchesConstraintsThatPostgresNamedWithUnnamedOnes() {
        Schema database = schema(member().withPrimaryKey(primaryKey("member_pkey", "id"))
                .withUniqueConstraints(List.of(unique("member_email_key", "email")))
                .withChecks(List.of(check("member_status_check", "status in ('A', 'B')"))));
        Schema entities = schema(member().withPrimaryKey(primaryKey(null, "id"))
                .withUniqueConstraints(List.of(unique(null, "email")))
                .withChecks(List.of(check(null, "status in ('A', 'B')"))));

        assertThat(Pg.diff(database, entities)).isEmpty();
    }

    @Test
    void aNewEnumConstantReplacesTheCheckAndNamesTheNewOneAsPostgresWould() {
        Schema database = schema(member().withChecks(List.of(check("member_status_check", "status in ('A', 'B')"))));
        Schema entities = schema(member().withChecks(List.of(check(null, "status in ('A', 'B', 'C')"))));

        assertThat(Pg.diff(database, entities).stream().flatMap(o -> dialect.render(o).stream()))
                .containsExactly(
                        "alter table public.member drop constraint member_status_check",
                        "alter table public.member add constraint member_status_check check (status in ('A', 'B', 'C'))");
    }

    @Test
    void neverTouchesIgnoredTables() {
        Table version = table(name("public", "autogen_version"))
                .column(column("version_num", "character varying(32)").notNull())
                .table();
        Table legacy = table(name("public", "legacy_orders"))
                .column(column("id", "integer"))
                .table();
        Schema database = schema(member(), version, legacy);
        IntrospectionScope scope = IntrospectionScope.of("public").withExcludeTables(List.of("legacy_*"));

        assertThat(SchemaDiffer.diff(database, schema(member()), scope.excluded(), Pg.DIALECT.diffRules()))
                .isEmpty();
        assertThat(Pg.diff(database, schema(member()))).hasSize(2);
    }

    @Test
    void createsTablesInACycleBeforeTheirForeignKeys() {
        Table a = table(name("public", "a"))
                .column(column("id", "bigint").notNull())
                .column(column("b_id", "bigint"))
                .primaryKey(null, "id")
                .table()
                .withForeignKeys(List.of(ForeignKey.of(null, List.of("b_id"), name("public", "b"), List.of("id"))));
        Table b = table(name("public", "b"))
                .column(column("id", "bigint").notNull())
                .column(column("a_id", "bigint"))
                .primaryKey(null, "id")
                .table()
                .withForeignKeys(List.of(ForeignKey.of(null, List.of("a_id"), name("public", "a"), List.of("id"))));

        List<Operation> operations = Pg.diff(schema(), schema(a, b));

        assertThat(operations)
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("CreateTable", "CreateTable", "AddForeignKey", "AddForeignKey");
        assertThat(((AddForeignKey) operations.get(2)).key().name()).isEqualTo("a_b_id_fkey");
    }

    @Test
    void aChangedOnDeleteDropsAndAddsTheForeignKey() {
        ForeignKey plain = foreignKey("member_parent_fkey", "status")
                .references(MEMBER, "id")
                .foreignKey();
        ForeignKey cascading = foreignKey(null, "status")
                .references(MEMBER, "id")
                .onDelete(ReferentialAction.CASCADE)
                .foreignKey();

        List<Operation> operations = Pg.diff(
                schema(member().withForeignKeys(List.of(plain))), schema(member().withForeignKeys(List.of(cascading))));

        assertThat(operations).hasSize(2);
        assertThat(operations.get(0)).isEqualTo(new DropConstraint(MEMBER, plain));
        assertThat(dialect.render(operations.get(1)))
                .containsExactly(
                        "alter table public.member add constraint member_status_fkey foreign key (status) references public.member (id) on delete cascade");
    }

    @Test
    void flagsNarrowingButNotWideningTypeChanges() {
        assertThat(loses("character varying(80)", "character varying(120)")).isFalse();
        assertThat(loses("character varying(80)", "text")).isFalse();
        assertThat(loses("character varying(80)", "character varying(40)")).isTrue();
        assertThat(loses("numeric(10,2)", "numeric(12,2)")).isFalse();
        assertThat(loses("numeric(10,2)", "numeric(12,4)")).isFalse();
        assertThat(loses("numeric(10,2)", "numeric(10,4)")).isTrue();
        assertThat(loses("numeric(10,2)", "integer")).isTrue();
        assertThat(loses("real", "double precision"))
                .as("a real is exact in a double")
                .isFalse();
        assertThat(loses("integer", "bigint")).isFalse();
        assertThat(loses("bigint", "integer")).isTrue();
        assertThat(loses("character(1)", "character varying(3)")).isFalse();
        assertThat(loses("timestamp(6) without time zone", "timestamp(6) with time zone"))
                .isFalse();
        assertThat(loses("timestamp(6) without time zone", "timestamp(3) without time zone"))
                .isTrue();
        assertThat(loses("integer", "numeric(10,0)")).isFalse();
        assertThat(loses("integer", "numeric(9,0)")).isTrue();
        assertThat(loses("date", "timestamp(6) without time zone")).isFalse();
        assertThat(loses("text", "character varying(10)")).isTrue();
    }

    private static boolean loses(String from, String to) {
        return Pg.DATA_LOSS
                .of(new AlterColumn(MEMBER, Column.of("c", from, true), Column.of("c", to, true)))
                .isPresent();
    }

    @Test
    void changesTypesWithACastGuardedAgainstAlteredValuesAndNullabilityInPlace() {
        Column before = Column.of("status", "character varying(10)", true).withDefaultValue("'0'");
        Column after = Column.of("status", "integer", false).withDefaultValue("0");
        assertThat(dialect.render(new AlterColumn(MEMBER, before, after)))
                .containsExactly(
                        "alter table public.member alter column status drop default",
                        "do $autogen$begin if exists (select 1 from public.member where status is not null and (status::integer)"
                                + "::character varying(10) is distinct from status) then raise exception '%', 'autogen: a value of"
                                + " public.member.status does not convert from character varying(10) to integer unchanged; nothing"
                                + " was changed (convert or clean such values first, or give alterColumn a conversion of your own)';"
                                + " end if; end$autogen$",
                        "alter table public.member alter column status type integer using status::integer",
                        "alter table public.member alter column status set default 0",
                        "update public.member set status = 0 where status is null",
                        "alter table public.member alter column status set not null");
        assertThat(dialect.render(new AlterColumn(MEMBER, before.withType("integer"), after.withType("bigint"))))
                .as("a widening needs no guard")
                .containsExactly(
                        "alter table public.member alter column status drop default",
                        "alter table public.member alter column status type bigint using status::bigint",
                        "alter table public.member alter column status set default 0",
                        "update public.member set status = 0 where status is null",
                        "alter table public.member alter column status set not null");
    }

    @Test
    void addsEnumLabelsInPlaceAndRebuildsTheTypeToRemoveThem() {
        AlterEnumType add = new AlterEnumType(
                enumType(name("public", "mood"), "CALM", "SAD"),
                enumType(name("public", "mood"), "CALM", "HAPPY", "SAD", "TIRED"),
                List.of(new dev.autogen.internal.operations.ColumnRef(MEMBER, "mood")));
        assertThat(dialect.render(add))
                .containsExactly(
                        "alter type public.mood add value 'HAPPY' before 'SAD'",
                        "alter type public.mood add value 'TIRED' after 'SAD'");
        assertThat(dialect.render(add.reverse()))
                .containsExactly(
                        "alter type public.mood rename to mood_old",
                        "create type public.mood as enum ('CALM', 'SAD')",
                        "alter table public.member alter column mood type public.mood using mood::text::public.mood",
                        "drop type public.mood_old");
        assertThat(Pg.DATA_LOSS.of(add)).isEmpty();
        assertThat(Pg.DATA_LOSS.of(add.reverse()))
                .hasValueSatisfying(loss -> assertThat(loss).contains("[HAPPY, TIRED]"));
    }

    @Test
    void renamesOnlyWhenExactlyOneColumnWentAndOneOfTheSameDefinitionCame() {
        Table renamed = member().withColumns(List.of(
                member().columns().get(0),
                member().columns().get(1).withName("mail"),
                member().columns().get(2)));
        assertThat(Pg.diff(schema(member()), schema(renamed)))
                .containsExactly(new RenameColumn(MEMBER, "email", "mail"));

        Table retyped = member().withColumns(List.of(
                member().columns().get(0),
                Column.of("mail", "text", true),
                member().columns().get(2)));
        assertThat(Pg.diff(schema(member()), schema(retyped)))
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("AddColumn", "DropColumn");
    }

    @Test
    void quotesNamesThatNeedItAndEscapesLiterals() {
        QualifiedName odd = name("Sales Dept", "order");
        Table table = table(odd)
                .column(column("Mixed \"Case\"", "text").comment("it's here"))
                .column(column("user", "integer"))
                .table();
        assertThat(dialect.render(new CreateTable(table)))
                .containsExactly(
                        "create table \"Sales Dept\".\"order\" (\"Mixed \"\"Case\"\"\" text, \"user\" integer)",
                        "comment on column \"Sales Dept\".\"order\".\"Mixed \"\"Case\"\"\" is 'it''s here'");
        assertThat(dialect.render(new AddColumn(odd, Column.of("naïve", "text", true))))
                .containsExactly("alter table \"Sales Dept\".\"order\" add column \"naïve\" text");
        assertThat(dialect.render(new DropColumn(odd, Column.of("select", "text", true))))
                .containsExactly("alter table \"Sales Dept\".\"order\" drop column \"select\"");
    }
}
