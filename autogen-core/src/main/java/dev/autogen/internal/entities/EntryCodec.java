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
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache entry in a compact form of the model's own records: first each distinct string once (UTF-8 with
 * its length), then each record's fields in order, a string as its place in that table, lists with their
 * length. Reading it builds the records by their constructors straight from the bytes, with none of Java
 * serialization's reflection and class checks, and makes each string once however many columns share it. A
 * change to a record's shape changes {@link EntityModelCache}'s format name, so an entry of another shape
 * is never read as this one.
 */
final class EntryCodec {

    // An enum is written as its ordinal: Enum.valueOf builds its table of names reflectively on first use,
    // and the key already changes with autogen's own classes, so an entry never meets a reordered enum.
    private static final Identity[] IDENTITIES = Identity.values();
    private static final ReferentialAction[] ACTIONS = ReferentialAction.values();
    private static final ValueDomain.Kind[] KINDS = ValueDomain.Kind.values();

    private EntryCodec() {}

    @FunctionalInterface
    private interface Writer<T> {
        void write(Output out, T value) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Input in) throws IOException;
    }

    /** The entry: its strings, each once, then its records, each string in them by its place in the first part. */
    static byte[] encode(EntityModelCache.Entry entry) throws IOException {
        Output out = new Output();
        write(out, entry);
        return out.bytes();
    }

    /** An entry {@link #encode} wrote; an entry cut short or corrupt is an {@code IOException}. */
    static EntityModelCache.Entry decode(byte[] bytes, int offset) throws IOException {
        try {
            Input in = new Input(bytes, offset);
            EntityModelCache.Entry entry = read(in);
            if (in.remaining() != 0) {
                throw new IOException("bytes after the entry");
            }
            return entry;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("a corrupt entry", e);
        }
    }

    private static void write(Output out, EntityModelCache.Entry entry) throws IOException {
        schema(out, entry.schema());
        list(out, entry.sequenceUses(), (o, use) -> {
            name(o, use.sequence());
            name(o, use.table());
            string(o, use.column());
        });
        list(out, entry.valueDomains(), (o, domain) -> {
            name(o, domain.table());
            string(o, domain.column());
            o.writeInt(domain.kind().ordinal());
            list(o, domain.names(), EntryCodec::string);
            list(o, domain.stored(), EntryCodec::string);
        });
    }

    private static EntityModelCache.Entry read(Input in) throws IOException {
        Schema schema = schema(in);
        List<SequenceUse> uses = list(in, i -> new SequenceUse(name(i), name(i), string(i)));
        List<ValueDomain> domains = list(
                in,
                i -> new ValueDomain(
                        name(i),
                        string(i),
                        KINDS[i.readInt()],
                        list(i, EntryCodec::string),
                        list(i, EntryCodec::string)));
        return new EntityModelCache.Entry(schema, uses, domains);
    }

    private static void schema(Output out, Schema schema) throws IOException {
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

    private static Schema schema(Input in) throws IOException {
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

    private static void table(Output out, Table table) throws IOException {
        name(out, table.name());
        list(out, table.columns(), (o, c) -> {
            string(o, c.name());
            string(o, c.type());
            o.writeBoolean(c.nullable());
            string(o, c.defaultValue());
            o.writeInt(c.identity().ordinal());
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
            o.writeInt(f.onDelete().ordinal());
            o.writeInt(f.onUpdate().ordinal());
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

    private static Table table(Input in) throws IOException {
        QualifiedName name = name(in);
        List<Column> columns = list(
                in,
                i -> new Column(
                        string(i),
                        string(i),
                        i.readBoolean(),
                        string(i),
                        IDENTITIES[i.readInt()],
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
                        ACTIONS[i.readInt()],
                        ACTIONS[i.readInt()],
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

    private static void name(Output out, QualifiedName name) throws IOException {
        out.writeBoolean(name != null);
        if (name != null) {
            string(out, name.schema());
            string(out, name.name());
        }
    }

    private static QualifiedName name(Input in) throws IOException {
        return in.readBoolean() ? new QualifiedName(string(in), string(in)) : null;
    }

    private static void string(Output out, String value) throws IOException {
        out.string(value);
    }

    private static String string(Input in) throws IOException {
        return in.string();
    }

    private static <T> void list(Output out, List<T> values, Writer<T> each) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            each.write(out, value);
        }
    }

    private static <T> List<T> list(Input in, Reader<T> each) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.remaining()) {
            throw new IOException("a list of " + size);
        }
        List<T> values = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            values.add(each.read(in));
        }
        return values;
    }

    /** Writes the records; their strings are gathered into a table written first. */
    private static final class Output {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final DataOutputStream data = new DataOutputStream(body);
        private final Map<String, Integer> strings = new LinkedHashMap<>();

        void writeInt(int value) throws IOException {
            data.writeInt(value);
        }

        void writeLong(long value) throws IOException {
            data.writeLong(value);
        }

        void writeBoolean(boolean value) throws IOException {
            data.writeBoolean(value);
        }

        void string(String value) throws IOException {
            data.writeInt(value == null ? -1 : strings.computeIfAbsent(value, v -> strings.size()));
        }

        byte[] bytes() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + strings.size() * 16);
            DataOutputStream out = new DataOutputStream(all);
            out.writeInt(strings.size());
            for (String value : strings.keySet()) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            data.flush();
            body.writeTo(out);
            out.flush();
            return all.toByteArray();
        }
    }

    /**
     * Reads the records straight from the entry's bytes; each string is made once, however often it is used.
     * The numbers are put together by hand rather than through a ByteBuffer, whose every get is a dozen
     * calls deep: the decoder runs interpreted in a short-lived JVM, a few hundred thousand numbers a model.
     */
    private static final class Input {
        private final byte[] bytes;
        private final int end;
        private final String[] strings;
        private int position;

        Input(byte[] bytes, int offset) throws IOException {
            this.bytes = bytes;
            this.end = bytes.length;
            this.position = offset;
            int count = readInt();
            if (count < 0 || count > remaining()) {
                throw new IOException("a table of " + count + " strings");
            }
            strings = new String[count];
            for (int i = 0; i < count; i++) {
                int length = readInt();
                if (length < 0 || length > remaining()) {
                    throw new IOException("a string of " + length + " bytes");
                }
                strings[i] = new String(bytes, position, length, StandardCharsets.UTF_8);
                position += length;
            }
        }

        int readInt() {
            if (end - position < 4) {
                throw new IndexOutOfBoundsException("an int past the end");
            }
            byte[] b = bytes;
            int p = position;
            position = p + 4;
            return (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        }

        long readLong() {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        boolean readBoolean() {
            if (position >= end) {
                throw new IndexOutOfBoundsException("a boolean past the end");
            }
            return bytes[position++] != 0;
        }

        int remaining() {
            return end - position;
        }

        String string() {
            int index = readInt();
            return index == -1 ? null : strings[index];
        }
    }
}
