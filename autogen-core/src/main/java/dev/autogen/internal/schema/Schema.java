package dev.autogen.internal.schema;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The whole model of a database's managed part: the schemas (namespaces) it spans, and the tables,
 * sequences and enum types in them. Lists are kept sorted by name, so equal schemas are equal records.
 */
public record Schema(List<String> namespaces, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes)
        implements Serializable {

    public Schema {
        namespaces = namespaces.stream().distinct().sorted().toList();
        tables = byName(tables, Table::name, "table");
        sequences = byName(sequences, Sequence::name, "sequence");
        enumTypes = byName(enumTypes, EnumType::name, "enum type");
    }

    public static Schema empty() {
        return new Schema(List.of(), List.of(), List.of(), List.of());
    }

    public Schema withNamespaces(List<String> newNamespaces) {
        return new Schema(newNamespaces, tables, sequences, enumTypes);
    }

    public Schema withTables(List<Table> newTables) {
        return new Schema(namespaces, newTables, sequences, enumTypes);
    }

    public Schema withSequences(List<Sequence> newSequences) {
        return new Schema(namespaces, tables, newSequences, enumTypes);
    }

    public Schema withEnumTypes(List<EnumType> newEnumTypes) {
        return new Schema(namespaces, tables, sequences, newEnumTypes);
    }

    /** This schema with {@code table} added; a table of its name must not be in it. */
    public Schema plusTable(Table table) {
        int at = index(tables, Table::name, table.name());
        if (at >= 0) {
            throw new IllegalArgumentException("the model names table " + table.name() + " twice");
        }
        Table[] edited = new Table[tables.size() + 1];
        int insertion = -at - 1;
        copy(0, insertion, edited, 0);
        edited[insertion] = table;
        copy(insertion, tables.size(), edited, insertion + 1);
        return withTables(new ByName<>(edited));
    }

    /** This schema without {@code table}, which must be in it as it is. */
    public Schema minusTable(Table table) {
        int at = index(tables, Table::name, table.name());
        if (at < 0 || !tables.get(at).equals(table)) {
            throw new IllegalStateException(table + " is not in the model");
        }
        Table[] edited = new Table[tables.size() - 1];
        copy(0, at, edited, 0);
        copy(at + 1, tables.size(), edited, at);
        return withTables(new ByName<>(edited));
    }

    /** This schema with {@code table} in place of the table of its name, which must be in it. */
    public Schema replacingTable(Table table) {
        int at = index(tables, Table::name, table.name());
        if (at < 0) {
            throw new IllegalStateException("no table " + table.name() + " in the model");
        }
        Table[] edited = tables.toArray(Table[]::new);
        edited[at] = table;
        return withTables(new ByName<>(edited));
    }

    private void copy(int from, int to, Table[] into, int at) {
        for (int i = from; i < to; i++) {
            into[at + i - from] = tables.get(i);
        }
    }

    /** {@code items} sorted by name, each name once; a list this class sorted so already is taken as it is. */
    private static <T> List<T> byName(List<T> items, Function<T, QualifiedName> nameOf, String kind) {
        if (items instanceof ByName<T>) {
            return items;
        }
        List<T> sorted = items.stream().sorted(Comparator.comparing(nameOf)).toList();
        requireUnique(sorted.stream().map(nameOf).toList(), kind);
        return new ByName<>(sorted.toArray());
    }

    /**
     * A list this class sorted and checked by name, or left so by an edit above. Replaying a history edits
     * one table at a time: sorting and checking every list again for each edit made it quadratic in the
     * number of tables. Written out as a plain list, so that a read-back schema is checked again.
     */
    private static final class ByName<T> extends AbstractList<T> implements RandomAccess, Serializable {
        private static final long serialVersionUID = 1L;
        private final Object[] items;

        ByName(Object[] items) {
            this.items = items;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) items[index];
        }

        @Override
        public int size() {
            return items.length;
        }

        private Object writeReplace() {
            return List.of(items);
        }
    }

    // The lists are sorted by name: a lookup is a binary search, not a scan (a diff looks up every table).

    public Optional<Table> table(QualifiedName name) {
        return find(tables, Table::name, name);
    }

    public Optional<Sequence> sequence(QualifiedName name) {
        return find(sequences, Sequence::name, name);
    }

    public Optional<EnumType> enumType(QualifiedName name) {
        return find(enumTypes, EnumType::name, name);
    }

    private static <T> Optional<T> find(List<T> sorted, Function<T, QualifiedName> nameOf, QualifiedName name) {
        int at = index(sorted, nameOf, name);
        return at < 0 ? Optional.empty() : Optional.of(sorted.get(at));
    }

    /** Where {@code name} is in {@code sorted}; if it is not, {@code -(insertion point) - 1}. */
    private static <T> int index(List<T> sorted, Function<T, QualifiedName> nameOf, QualifiedName name) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = nameOf.apply(sorted.get(middle)).compareTo(name);
            if (order == 0) {
                return middle;
            } else if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -low - 1;
    }

    private static void requireUnique(List<QualifiedName> names, String kind) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).equals(names.get(i - 1))) {
                throw new IllegalArgumentException("the model names " + kind + " " + names.get(i) + " twice");
            }
        }
    }
}
