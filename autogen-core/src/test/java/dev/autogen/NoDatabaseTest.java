package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Change;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.RevisionResult;
import dev.autogen.api.Settings;
import dev.autogen.testing.Catalog;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation with no database: the history's schema, replayed in memory or (when a migration runs SQL) run
 * on a throw-away database, against the entities, writes the very file autogenerate against a database at
 * head writes. Drift: what was changed by hand is found, and nothing on an untouched database. Baseline: a
 * database made elsewhere is adopted, and check is then clean.
 */
@Tag("database")
class NoDatabaseTest {

    private static final String STATUS_V1 = "public enum Status { NEW, PAID }";
    private static final String STATUS_V2 = "public enum Status { NEW, PAID, SHIPPED }";
    private static final String CUSTOMER_V1 =
            "@Entity public class Customer { @Id Long id; @Column(length = 100) String name; }";
    private static final String CUSTOMER_V2 =
            "@Entity @Table(indexes = @Index(name = \"ix_customer_name\", columnList = \"name\"))"
                    + " public class Customer { @Id Long id; @Column(length = 100) String name;"
                    + " @Column(length = 160, unique = true) String email; }";
    private static final String CUSTOMER_V3 = CUSTOMER_V2
            .replace("String name;", "String fullName;")
            .replace("columnList = \"name\"", "columnList = \"full_name\"");
    private static final String PURCHASE_V1 =
            "@Entity public class Purchase { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)"
                    + " Long id; @ManyToOne Customer customer; @Column(precision = 10, scale = 2) BigDecimal total;"
                    + " @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status; }";
    private static final String PURCHASE_V2 = PURCHASE_V1.replace("precision = 10", "precision = 12");
    private static final String NOTE = "@Entity public class Note { @Id Long id; String text; }";

    @TempDir
    Path work;

    @Test
    void withNoDatabaseEveryVersionIsWrittenAsAgainstADatabaseAtHead() throws IOException {
        List<Map<String, String>> versions = List.of(
                Map.of("Status.java", STATUS_V1, "Customer.java", CUSTOMER_V1, "Purchase.java", PURCHASE_V1),
                Map.of("Status.java", STATUS_V2, "Customer.java", CUSTOMER_V2, "Purchase.java", PURCHASE_V2),
                Map.of(
                        "Status.java",
                        STATUS_V2,
                        "Customer.java",
                        CUSTOMER_V3,
                        "Purchase.java",
                        PURCHASE_V2,
                        "Note.java",
                        NOTE));
        Path migrations = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create();
                TestDatabase scratch = TestDatabase.create()) {
            for (int v = 0; v < versions.size(); v++) {
                Path classes = EntityChange.compile(work.resolve("v" + v), versions.get(v));
                Project project =
                        new Project(migrations, "migrations", work.resolve("cache"), EntityChange.source(classes));
                Settings settings = Settings.of(db.settings()).withScratch(scratch::settings);
                Autogen autogen = Autogen.forProject(settings, project);
                String id = "c000000000" + v;
                Instant created = Instant.parse("2026-12-02T10:00:0" + v + "Z");
                RevisionRequest fromHistory =
                        new RevisionRequest("version " + v, true, true, id, null, List.of(), List.of(), false, created);
                RevisionResult offline = autogen.revision(fromHistory);
                String withoutDatabase = Files.readString(offline.file());
                assertThat(offline.comparedWith())
                        .startsWith(
                                v == 2
                                        ? "the history, run on a throw-away database (revision c00000000x1 ("
                                        : "the history, replayed in memory");
                Files.delete(offline.file());
                RevisionResult online = Autogen.forProject(settings, project)
                        .revision(new RevisionRequest(
                                "version " + v, true, false, id, null, List.of(), List.of(), false, created));
                assertThat(online.comparedWith()).isEqualTo("the database");
                assertThat(Files.readString(online.file())).as("version %d", v).isEqualTo(withoutDatabase);
                Autogen.forProject(settings, project).upgrade("head");
                if (v == 1) {
                    // A hand-written step with raw SQL: the history can no longer be replayed in memory.
                    Files.writeString(migrations.resolve("migrations/M20261202100001_Seed.java"), """
                            package migrations;

                            import dev.autogen.migration.Migration;
                            import dev.autogen.migration.Operations;
                            import dev.autogen.migration.Revision;

                            @Revision(id = "c00000000x1", revises = "c0000000001", message = "seed", created = "2026-12-02T10:00:01Z")
                            public final class M20261202100001_Seed implements Migration {
                                @Override
                                public void upgrade(Operations op) {
                                    op.execute("insert into customer (id, name) values (1, 'Ann')", "delete from customer where id = 1");
                                }
                            }
                            """);
                    Autogen.forProject(settings, project).upgrade("head");
                }
            }
            assertThat(db.query("select full_name from customer")).containsExactly("Ann");
        }
    }

    @Test
    void driftFindsWhatWasChangedByHandAndNothingOnAnUntouchedDatabase() {
        try (EntityChange change = new EntityChange(
                        work,
                        Map.of("Status.java", STATUS_V1, "Customer.java", CUSTOMER_V2, "Purchase.java", PURCHASE_V1),
                        Map.of("Status.java", STATUS_V1, "Customer.java", CUSTOMER_V2, "Purchase.java", PURCHASE_V1));
                TestDatabase scratch = TestDatabase.create()) {
            change.atVersion1();
            Autogen inMemory = change.autogen();
            Autogen exact = change.autogen(s -> s.withScratch(scratch::settings));
            assertThat(inMemory.drift()).as("untouched, replayed in memory").isEmpty();
            assertThat(exact.drift())
                    .as("untouched, run on a throw-away database")
                    .isEmpty();
            change.execute(
                    "alter table customer add column phone text",
                    "create index ix_purchase_total on purchase (total)",
                    "alter table purchase add constraint purchase_total_positive check (total > 0)",
                    "create table audit (id bigint primary key)",
                    "alter type status add value 'LOST'",
                    "alter table customer drop constraint "
                            + change.rows(
                                            "select conname from pg_constraint where contype = 'u' and conrelid = 'customer'::regclass")
                                    .get(0));
            List<String> expected = List.of(
                    "add column public.customer.phone",
                    "add index ix_purchase_total on public.purchase",
                    "add check constraint public.purchase ((total > (0)::numeric))",
                    "add table public.audit",
                    "alter enum type public.status");
            for (Autogen autogen : List.of(inMemory, exact)) {
                List<String> drift =
                        autogen.drift().stream().map(Change::description).toList();
                for (String hand : expected) {
                    assertThat(drift).anyMatch(d -> d.startsWith(hand));
                }
                assertThat(drift)
                        .anyMatch(d -> d.startsWith("drop unique constraint customer_email_key on public.customer"));
            }
        }
    }

    @Test
    void aDatabaseHibernateCreatedIsBaselinedAndThenClean() {
        Map<String, String> model = Map.of(
                "Status.java",
                STATUS_V2,
                "Customer.java",
                CUSTOMER_V2,
                "Purchase.java",
                PURCHASE_V2,
                "Note.java",
                NOTE);
        try (EntityChange change = new EntityChange(work, model, model)) {
            HibernateApplication.createFrom(change.database(), change.entities(), change.classes());
            List<String> before = Catalog.of(change.database());
            RevisionResult baseline =
                    change.autogen().baseline("baseline", "b000000000001", Instant.parse("2026-12-02T10:00:00Z"));
            assertThat(baseline.written()).isPresent();
            assertThat(Catalog.of(change.database())).as("nothing ran").isEqualTo(before);
            assertThat(change.autogen().check()).as("check").isEmpty();
            assertThat(change.autogen().drift()).as("drift").isEmpty();
        }
    }

    @Test
    void aDatabaseMadeByHandWrittenSqlIsBaselinedAndThenClean() {
        String entity = "@Entity public class Item { @Id Long id; @Column(nullable = false, length = 40) String code;"
                + " @Column(precision = 8, scale = 2) BigDecimal price; }";
        try (EntityChange change = new EntityChange(work, Map.of("Item.java", entity), Map.of("Item.java", entity))) {
            change.execute(
                    "create table item (id bigint not null primary key, code varchar(40) not null, price numeric(8, 2))");
            change.autogen().baseline("baseline", "b000000000002", Instant.parse("2026-12-02T10:00:00Z"));
            assertThat(change.autogen().check()).isEmpty();
            change.execute("insert into item (id, code) values (1, 'a')");
            change.autogen().downgrade("base");
            assertThat(change.rows("select count(*) from pg_tables where tablename = 'item'"))
                    .containsExactly("0");
        }
    }

    @Test
    void aBaselineReproducesSerialColumnsAndListsWhatItCannot() throws Exception {
        String entity = "@Entity public class Item { @Id @Column(columnDefinition = \"serial\") Integer id;"
                + " @Column(columnDefinition = \"bigserial\") Long ref; }";
        try (EntityChange change = new EntityChange(work, Map.of("Item.java", entity), Map.of("Item.java", entity))) {
            change.execute(
                    "create table item (id serial primary key, ref bigserial)",
                    "create table event (id bigint not null, day date not null) partition by range (day)",
                    "create table event_2026 partition of event for values from ('2026-01-01') to ('2027-01-01')",
                    "create view item_ids as select id from item",
                    "create function touch() returns trigger language plpgsql as $$ begin return new; end $$",
                    "create trigger item_touch before insert on item for each row execute function touch()",
                    "create domain positive as integer check (value > 0)",
                    "create table counter (n serial)",
                    "alter sequence counter_n_seq cache 20");
            RevisionResult baseline =
                    change.autogen().baseline("baseline", "b000000000003", Instant.parse("2026-12-07T10:00:00Z"));
            assertThat(baseline.notReproduced())
                    .containsExactly(
                            "domain public.positive",
                            "function public.touch()",
                            "partition public.event_2026 (FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') of public.event)",
                            "partitioned table public.event (partition by RANGE (day))",
                            "sequence settings public.counter_n_seq (of serial column counter.n: as integer start 1"
                                    + " increment 1 minvalue 1 maxvalue 2147483647 cache 20)",
                            "trigger public.item_touch (on public.item)",
                            "view public.item_ids");
            String source = java.nio.file.Files.readString(baseline.file());
            assertThat(source).contains("<p>Not reproduced from the database").contains("<li>view public.item_ids");

            // On an empty database the revision builds what it says it does, serial columns included.
            change.execute("drop schema public cascade", "create schema public");
            change.autogen().upgrade("head");
            change.execute("insert into item default values", "insert into item default values");
            assertThat(change.rows("select id, ref from item order by id")).containsExactly("1|1", "2|2");
        }
    }
}
