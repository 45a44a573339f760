package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.autogen.internal.schema.SequenceUse;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.internal.schema.ValueDomain;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's own form of a model gives back every field of every record, nulls and all. */
class EntryCodecTest {

    private static final QualifiedName ORDERS = QualifiedName.of("shop", "orders");

    @Test
    void everyFieldComesBackAsItWent() throws IOException {
        EntityModelCache.Entry entry = entry();
        assertThat(roundTrip(entry)).isEqualTo(entry);
    }

    @Test
    void anEntryCutShortIsRefused() throws IOException {
        byte[] bytes = bytes(entry());
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> EntryCodec.decode(cut, 0)).isInstanceOf(IOException.class);
    }

    @Test
    void anEntryWithBytesAfterItIsRefused() throws IOException {
        byte[] bytes = bytes(entry());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> EntryCodec.decode(longer, 0)).isInstanceOf(IOException.class);
    }

    @Test
    void aStringUsedByManyRecordsIsKeptOnce() throws IOException {
        byte[] bytes = bytes(entry());
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text.split("integer", -1))
                .as("'integer' types three columns, stored once")
                .hasSize(2);
    }

    private static EntityModelCache.Entry entry() {
        Table orders = new Table(
                ORDERS,
                List.of(
                        new Column("id", "bigint", false, null, Identity.BY_DEFAULT, null, null),
                        new Column("total", "numeric(12,2)", true, "0", Identity.NONE, null, "the sum, \u00e9t\u00e9"),
                        new Column("twice", "integer", true, null, Identity.NONE, "qty * 2", null, true),
                        new Column("qty", "integer", true, null, Identity.NONE, "1 + 1", null, false),
                        new Column("no", "integer", false, null, Identity.SERIAL, null, null)),
                new PrimaryKey("orders_pk", List.of("id")),
                List.of(new UniqueConstraint(null, List.of("no", "qty"))),
                List.of(new ForeignKey(
                        "orders_parent_fk",
                        List.of("parent_id"),
                        QualifiedName.of("shop", "parent"),
                        List.of("id"),
                        ReferentialAction.CASCADE,
                        ReferentialAction.SET_NULL,
                        true,
                        true)),
                List.of(new CheckConstraint("orders_qty_check", "qty > 0")),
                List.of(new Index(
                        "orders_lower_idx",
                        true,
                        List.of(new IndexKey("lower(note)", true, true), new IndexKey("qty", false, false)),
                        "btree",
                        "qty is not null")),
                "orders, with a comment");
        Table bare = new Table(
                QualifiedName.of("public", "bare"),
                List.of(Column.of("x", "text", true)),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
        Schema schema = new Schema(
                List.of("public", "shop"),
                List.of(orders, bare),
                List.of(new Sequence(QualifiedName.of("shop", "seq"), "bigint", 5, 2, 1, Long.MAX_VALUE, 20, true)),
                List.of(new EnumType(QualifiedName.of("shop", "kind"), List.of("A", "B"), true)));
        return new EntityModelCache.Entry(
                schema,
                List.of(new SequenceUse(QualifiedName.of("shop", "seq"), ORDERS, "no")),
                List.of(new ValueDomain(ORDERS, "kind", ValueDomain.Kind.ENUM, List.of("A", "B"), List.of("0", "1"))));
    }

    private static EntityModelCache.Entry roundTrip(EntityModelCache.Entry entry) throws IOException {
        return EntryCodec.decode(bytes(entry), 0);
    }

    private static byte[] bytes(EntityModelCache.Entry entry) throws IOException {
        return EntryCodec.encode(entry);
    }
}
