package dev.autogen.internal.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table with its columns (in creation order) and the constraints and indexes on it.
 *
 * @param primaryKey the primary key, or {@code null}
 * @param comment the table comment, or {@code null}
 */
public record Table(
        QualifiedName name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks,
        List<Index> indexes,
        String comment)
        implements java.io.Serializable {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        // A loop, not a stream: every table read from a catalog or a cache passes here.
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("table " + name + " names a column twice");
            }
        }
    }

    /** A table with the given columns and nothing else. */
    public static Table of(QualifiedName name, List<Column> columns) {
        return new Table(name, columns, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    public Table withName(QualifiedName newName) {
        return new Table(newName, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(name, columns, newPrimaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> newUniques) {
        return new Table(name, columns, primaryKey, newUniques, foreignKeys, checks, indexes, comment);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniqueConstraints, newForeignKeys, checks, indexes, comment);
    }

    public Table withChecks(List<CheckConstraint> newChecks) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, newChecks, indexes, comment);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, newIndexes, comment);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, newComment);
    }

    /** Every constraint on the table: primary key, unique, foreign key and check constraints. */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniqueConstraints);
        all.addAll(foreignKeys);
        all.addAll(checks);
        return all;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
