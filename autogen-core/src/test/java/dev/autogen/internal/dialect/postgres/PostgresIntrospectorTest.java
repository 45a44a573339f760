package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class PostgresIntrospectorTest {

    private static final String HAND_WRITTEN_DDL = """
            create schema billing;
            create type billing.currency as enum ('EUR', 'USD', 'GBP');
            create table customer (
                id bigint generated always as identity primary key,
                email text not null,
                name varchar(100) not null default 'anonymous',
                created_at timestamptz not null default now(),
                score numeric(5,2) check (score >= 0),
                label text generated always as (name || ' <' || email || '>') stored,
                deleted boolean not null default false
            );
            comment on table customer is 'People who buy';
            comment on column customer.email is 'Where receipts go';
            create unique index customer_email_lower on customer (lower(email)) where not deleted;
            create index customer_recent on customer (created_at desc, name);
            create table billing.invoice (
                id serial primary key,
                customer_id bigint not null,
                currency billing.currency not null,
                amount numeric(12,2) not null,
                constraint invoice_customer_fk foreign key (customer_id) references customer (id)
                    on delete cascade on update restrict deferrable initially deferred,
                constraint invoice_amount_positive check (amount > 0),
                unique (customer_id, id)
            );
            create index invoice_amount_hash on billing.invoice using hash (amount);
            create sequence billing.invoice_number start 1000 increment 5 maxvalue 999999 cache 10 cycle;
            create table autogen_version (version_num varchar(32) primary key);
            create table autogen_version_history (id int);
            create table audit_2024 (id int);
            """;

    @Test
    void readsBackHandWrittenDdlExactly() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(HAND_WRITTEN_DDL.split(";\\s*\n"));
            Schema actual = db.introspect(IntrospectionScope.of("public")
                    .withOtherSchemas(List.of("billing"))
                    .withExcludeTables(List.of("audit_*")));

            QualifiedName customer = QualifiedName.of("public", "customer");
            Table customerTable = new Table(
                    customer,
                    List.of(
                            new Column("id", "bigint", false, null, Identity.ALWAYS, null, null),
                            new Column("email", "text", false, null, Identity.NONE, null, "Where receipts go"),
                            new Column(
                                    "name", "character varying(100)", false, "'anonymous'", Identity.NONE, null, null),
                            new Column(
                                    "created_at",
                                    "timestamp with time zone",
                                    false,
                                    "now()",
                                    Identity.NONE,
                                    null,
                                    null),
                            Column.of("score", "numeric(5,2)", true),
                            new Column(
                                    "label", "text", true, null, Identity.NONE, "name || ' <' || email || '>'", null),
                            new Column("deleted", "boolean", false, "false", Identity.NONE, null, null)),
                    new PrimaryKey("customer_pkey", List.of("id")),
                    List.of(),
                    List.of(),
                    List.of(new CheckConstraint("customer_score_check", "score >= 0")),
                    List.of(
                            new Index(
                                    "customer_email_lower",
                                    true,
                                    List.of(new IndexKey("lower(email)", true, false)),
                                    "btree",
                                    "not deleted"),
                            new Index(
                                    "customer_recent",
                                    false,
                                    List.of(new IndexKey("created_at", false, true), IndexKey.column("name")),
                                    "btree",
                                    null)),
                    "People who buy");
            Table invoiceTable = new Table(
                    QualifiedName.of("billing", "invoice"),
                    List.of(
                            // serial: the database's own default, from a sequence the column owns.
                            new Column("id", "integer", false, null, Identity.SERIAL, null, null),
                            Column.of("customer_id", "bigint", false),
                            Column.of("currency", "billing.currency", false),
                            Column.of("amount", "numeric(12,2)", false)),
                    new PrimaryKey("invoice_pkey", List.of("id")),
                    List.of(new UniqueConstraint("invoice_customer_id_id_key", List.of("customer_id", "id"))),
                    List.of(new ForeignKey(
                            "invoice_customer_fk",
                            List.of("customer_id"),
                            customer,
                            List.of("id"),
                            ReferentialAction.CASCADE,
                            ReferentialAction.RESTRICT,
                            true,
                            true)),
                    List.of(new CheckConstraint("invoice_amount_positive", "amount > 0")),
                    List.of(new Index("invoice_amount_hash", false, List.of(IndexKey.column("amount")), "hash", null)),
                    null);
            Schema expected = new Schema(
                    List.of("public", "billing"),
                    List.of(customerTable, invoiceTable),
                    List.of(new Sequence(
                            QualifiedName.of("billing", "invoice_number"), "bigint", 1000, 5, 1, 999999, 10, true)),
                    List.of(new EnumType(QualifiedName.of("billing", "currency"), List.of("EUR", "USD", "GBP"))));

            assertThat(ModelLines.of(actual)).containsExactlyElementsOf(ModelLines.of(expected));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void namesKeysByTheirColumnsAcrossDroppedColumnsUnreadSchemasAndExcludedTables() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(
                    "create schema ledger",
                    "create table ledger.account (gone int, code text primary key, region text, unique (region, code))",
                    "alter table ledger.account drop column gone",
                    "create table audit_log (old int, id bigint primary key)",
                    "alter table audit_log drop column old",
                    "create table entry (dropped int, id bigint primary key, account text not null, region text,"
                            + " audit bigint, amount numeric,"
                            + " constraint entry_account_fk foreign key (region, account)"
                            + " references ledger.account (region, code),"
                            + " constraint entry_audit_fk foreign key (audit) references audit_log (id))",
                    "alter table entry drop column dropped",
                    "create index entry_mixed on entry (account desc, (lower(region)), amount) include (audit)");
            Schema read = db.introspect(IntrospectionScope.of("public").withExcludeTables(List.of("audit_*")));

            Table entry = read.tables().get(0);
            assertThat(read.tables()).extracting(t -> t.name().name()).containsExactly("entry");
            assertThat(entry.columns())
                    .extracting(Column::name)
                    .containsExactly("id", "account", "region", "audit", "amount");
            assertThat(entry.foreignKeys())
                    .containsExactly(
                            new ForeignKey(
                                    "entry_account_fk",
                                    List.of("region", "account"),
                                    QualifiedName.of("ledger", "account"),
                                    List.of("region", "code"),
                                    ReferentialAction.NO_ACTION,
                                    ReferentialAction.NO_ACTION,
                                    false,
                                    false),
                            new ForeignKey(
                                    "entry_audit_fk",
                                    List.of("audit"),
                                    QualifiedName.of("public", "audit_log"),
                                    List.of("id"),
                                    ReferentialAction.NO_ACTION,
                                    ReferentialAction.NO_ACTION,
                                    false,
                                    false));
            assertThat(entry.indexes())
                    .containsExactly(new Index(
                            "entry_mixed",
                            false,
                            List.of(
                                    new IndexKey("account", false, true),
                                    new IndexKey("lower(region)", true, false),
                                    IndexKey.column("amount")),
                            "btree",
                            null));
        }
    }

    @Test
    void readsTenAndFiveHundredTablesInTheSameFewQueries() throws SQLException {
        Count small = countQueries(10);
        Count large = countQueries(500);

        assertThat(small.tables()).isEqualTo(10);
        assertThat(large.tables()).isEqualTo(500);
        assertThat(large.reported()).isEqualTo(small.reported()).isLessThanOrEqualTo(10);
        // The server's own count of statements run on the connection, independent of ours.
        assertThat(large.seenByServer()).isEqualTo(small.seenByServer()).isGreaterThanOrEqualTo(small.reported());
    }

    @Test
    void refusesAMissingDefaultSchemaNamingIt() {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> db.introspect(IntrospectionScope.of("sales")))
                    .isInstanceOf(AutogenException.class)
                    .hasMessageContaining("schema 'sales' does not exist")
                    .hasMessageContaining("create schema sales")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.SCHEMA_MISSING);
        }
    }

    @Test
    void leavesOutSchemasThatDoNotExistYetBesideTheDefault() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            Schema schema = db.introspect(IntrospectionScope.of("public").withOtherSchemas(List.of("inventory")));
            assertThat(schema.namespaces()).containsExactly("public");
            assertThat(schema.tables()).isEmpty();
        }
    }

    private record Count(int tables, int reported, long seenByServer) {}

    private static Count countQueries(int tables) throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            List<String> ddl = new ArrayList<>();
            for (int i = 0; i < tables; i++) {
                ddl.add("create table t" + i + " (id bigint primary key, code varchar(20) unique, parent_id bigint"
                        + (i == 0 ? "" : " references t" + (i - 1)) + ", amount numeric(10,2) check (amount > 0))");
                ddl.add("create index t" + i + "_amount on t" + i + " (amount)");
            }
            db.execute(String.join(";\n", ddl));
            try (Connection connection = db.connect()) {
                long before = settledTransactions(connection);
                Introspection result = PostgresIntrospector.introspect(connection, IntrospectionScope.of("public"));
                long after = committedTransactions(connection);
                return new Count(result.schema().tables().size(), result.catalogQueries(), after - before);
            }
        }
    }

    /**
     * The count once the sessions that built the tables have reported theirs: a session that has ended
     * sends its counts a moment later, which would otherwise land inside the measurement.
     */
    private static long settledTransactions(Connection connection) throws SQLException {
        long seen = committedTransactions(connection);
        while (true) {
            try {
                Thread.sleep(1_200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Reading the count is a transaction of its own: one more is no news.
            long now = committedTransactions(connection);
            if (now <= seen + 2) {
                return now;
            }
            seen = now;
        }
    }

    /** Every autocommitted statement is a transaction; the server counts them per database. */
    private static long committedTransactions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_force_next_flush()");
            try (ResultSet rs = statement.executeQuery(
                    "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
