package dev.autogen.internal.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole model of a database's managed part: the schemas (namespaces) it spans, and the tables,
 * sequences and enum types in them. Lists are kept sorted by name, so equal schemas are equal records.
 */
public record Schema(List<String> namespaces, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes)
        implements java.io.Serializable {

    public Schema {
        namespaces = namespaces.stream().distinct().sorted().toList();
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        sequences =
                sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
        enumTypes =
                enumTypes.stream().sorted(Comparator.comparing(EnumType::name)).toList();
        requireUnique(tables.stream().map(Table::name).toList(), "table");
        requireUnique(sequences.stream().map(Sequence::name).toList(), "sequence");
        requireUnique(enumTypes.stream().map(EnumType::name).toList(), "enum type");
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
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            T item = sorted.get(middle);
            int order = nameOf.apply(item).compareTo(name);
            if (order == 0) {
                return Optional.of(item);
            } else if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    private static void requireUnique(List<QualifiedName> names, String kind) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).equals(names.get(i - 1))) {
                throw new IllegalArgumentException("the model names " + kind + " " + names.get(i) + " twice");
            }
        }
    }
}
