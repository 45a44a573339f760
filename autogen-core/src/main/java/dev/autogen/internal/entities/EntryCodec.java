package dev.autogen.internal.entities;

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
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cache entry in a compact form of the model's own records: each record's fields in order, strings as
 * UTF-8 with their length, lists with theirs. Reading it builds the records by their constructors, with none
 * of Java serialization's reflection and class checks; a thousand tables read in milliseconds. A change to
 * a record's shape changes {@link EntityModelCache}'s format name, so an entry of another shape is never
 * read as this one.
 */
final class EntryCodec {

    /** Longer than any name, type or expression a model holds: a longer length is a corrupt entry. */
    private static final int MAX_STRING_BYTES = 16 << 20;

    private EntryCodec() {}

    @FunctionalInterface
    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static void write(DataOutputStream out, EntityModelCache.Entry entry) throws IOException {
        schema(out, entry.schema());
        list(out, entry.sequenceUses(), (o, use) -> {
            name(o, use.sequence());
            name(o, use.table());
            string(o, use.column());
        });
        list(out, entry.valueDomains(), (o, domain) -> {
            name(o, domain.table());
            string(o, domain.column());
            string(o, domain.kind().name());
            list(o, domain.names(), EntryCodec::string);
            list(o, domain.stored(), EntryCodec::string);
        });
    }

    static EntityModelCache.Entry read(DataInputStream in) throws IOException {
        Schema schema = schema(in);
        List<SequenceUse> uses = list(in, i -> new SequenceUse(name(i), name(i), string(i)));
        List<ValueDomain> domains = list(
                in,
                i -> new ValueDomain(
                        name(i),
                        string(i),
                        ValueDomain.Kind.valueOf(string(i)),
                        list(i, EntryCodec::string),
                        list(i, EntryCodec::string)));
        return new EntityModelCache.Entry(schema, uses, domains);
    }

    private static void schema(DataOutputStream out, Schema schema) throws IOException {
        list(out, schema.namespaces(), EntryCodec::string);
        list(out, schema.tables(), EntryCodec::table);
        list(out, schema.sequences(), (o, s) -> {
            name(o, s.name());
            string(o, s.dataType());
            o.writeLong(s.start());
            o.writeLong(s.increment());
            o.writeLong(s.min());
            o.writeLong(s.max());
            o.writeLong(s.cache());
            o.writeBoolean(s.cycle());
        });
        list(out, schema.enumTypes(), (o, e) -> {
            name(o, e.name());
            list(o, e.labels(), EntryCodec::string);
            o.writeBoolean(e.varcharCasts());
        });
    }

    private static Schema schema(DataInputStream in) throws IOException {
        List<String> namespaces = list(in, EntryCodec::string);
        List<Table> tables = list(in, EntryCodec::table);
        List<Sequence> sequences = list(
                in,
                i -> new Sequence(
                        name(i),
                        string(i),
                        i.readLong(),
                        i.readLong(),
                        i.readLong(),
                        i.readLong(),
                        i.readLong(),
                        i.readBoolean()));
        List<EnumType> enums = list(in, i -> new EnumType(name(i), list(i, EntryCodec::string), i.readBoolean()));
        return new Schema(namespaces, tables, sequences, enums);
    }

    private static void table(DataOutputStream out, Table table) throws IOException {
        name(out, table.name());
        list(out, table.columns(), (o, c) -> {
            string(o, c.name());
            string(o, c.type());
            o.writeBoolean(c.nullable());
            string(o, c.defaultValue());
            string(o, c.identity().name());
            string(o, c.generatedAs());
            string(o, c.comment());
            o.writeBoolean(c.virtual());
            string(o, c.notNullConstraint());
        });
        out.writeBoolean(table.primaryKey() != null);
        if (table.primaryKey() != null) {
            string(out, table.primaryKey().name());
            list(out, table.primaryKey().columns(), EntryCodec::string);
        }
        list(out, table.uniqueConstraints(), (o, u) -> {
            string(o, u.name());
            list(o, u.columns(), EntryCodec::string);
        });
        list(out, table.foreignKeys(), (o, f) -> {
            string(o, f.name());
            list(o, f.columns(), EntryCodec::string);
            name(o, f.target());
            list(o, f.targetColumns(), EntryCodec::string);
            string(o, f.onDelete().name());
            string(o, f.onUpdate().name());
            o.writeBoolean(f.deferrable());
            o.writeBoolean(f.initiallyDeferred());
        });
        list(out, table.checks(), (o, c) -> {
            string(o, c.name());
            string(o, c.expression());
        });
        list(out, table.indexes(), (o, index) -> {
            string(o, index.name());
            o.writeBoolean(index.unique());
            list(o, index.keys(), (k, key) -> {
                string(k, key.text());
                k.writeBoolean(key.expression());
                k.writeBoolean(key.descending());
            });
            string(o, index.method());
            string(o, index.predicate());
        });
        string(out, table.comment());
    }

    private static Table table(DataInputStream in) throws IOException {
        QualifiedName name = name(in);
        List<Column> columns = list(
                in,
                i -> new Column(
                        string(i),
                        string(i),
                        i.readBoolean(),
                        string(i),
                        Identity.valueOf(string(i)),
                        string(i),
                        string(i),
                        i.readBoolean(),
                        string(i)));
        PrimaryKey primaryKey = in.readBoolean() ? new PrimaryKey(string(in), list(in, EntryCodec::string)) : null;
        List<UniqueConstraint> uniques = list(in, i -> new UniqueConstraint(string(i), list(i, EntryCodec::string)));
        List<ForeignKey> foreignKeys = list(
                in,
                i -> new ForeignKey(
                        string(i),
                        list(i, EntryCodec::string),
                        name(i),
                        list(i, EntryCodec::string),
                        ReferentialAction.valueOf(string(i)),
                        ReferentialAction.valueOf(string(i)),
                        i.readBoolean(),
                        i.readBoolean()));
        List<CheckConstraint> checks = list(in, i -> new CheckConstraint(string(i), string(i)));
        List<Index> indexes = list(
                in,
                i -> new Index(
                        string(i),
                        i.readBoolean(),
                        list(i, k -> new IndexKey(string(k), k.readBoolean(), k.readBoolean())),
                        string(i),
                        string(i)));
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, string(in));
    }

    private static void name(DataOutputStream out, QualifiedName name) throws IOException {
        out.writeBoolean(name != null);
        if (name != null) {
            string(out, name.schema());
            string(out, name.name());
        }
    }

    private static QualifiedName name(DataInputStream in) throws IOException {
        return in.readBoolean() ? new QualifiedName(string(in), string(in)) : null;
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > MAX_STRING_BYTES) {
            throw new IOException("a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static <T> void list(DataOutputStream out, List<T> values, Writer<T> each) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            each.write(out, value);
        }
    }

    private static <T> List<T> list(DataInputStream in, Reader<T> each) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 10_000_000) {
            throw new IOException("a list of " + size);
        }
        List<T> values = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            values.add(each.read(in));
        }
        return values;
    }
}
