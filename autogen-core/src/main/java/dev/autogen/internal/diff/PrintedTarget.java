package dev.autogen.internal.diff;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The target, with some tables as the database itself stores them (built from the entities' own DDL and
 * read back): their types, nullability, defaults, checks and indexes exactly as the catalog will show
 * them after a migration. Names stay as the entities give them (a name the database made up counts for
 * nothing), foreign keys as the entities have them, and an expression keeps the entities' spelling where
 * it means the same as the database's.
 */
public final class PrintedTarget {

    private PrintedTarget() {}

    public static Schema merge(Schema target, Schema printed, DiffRules rules) {
        List<Table> tables = new ArrayList<>();
        for (Table wanted : target.tables()) {
            tables.add(printed.table(wanted.name())
                    .map(p -> merge(wanted, p, rules))
                    .orElse(wanted));
        }
        return target.withTables(tables);
    }

    private static Table merge(Table wanted, Table printed, DiffRules rules) {
        List<Column> columns = printed.columns().stream()
                .map(c -> wanted.column(c.name())
                        .map(w -> Spellings.column(w, c, rules))
                        .orElse(c))
                .toList();
        PrimaryKey key = printed.primaryKey() == null
                ? null
                : printed.primaryKey()
                        .withName(
                                wanted.primaryKey() == null
                                        ? null
                                        : wanted.primaryKey().name());
        List<UniqueConstraint> uniques = printed.uniqueConstraints().stream()
                .map(u -> u.withName(wanted.uniqueConstraints().stream()
                        .filter(w -> w.columns().equals(u.columns()) && w.name() != null)
                        .map(UniqueConstraint::name)
                        .findFirst()
                        .orElse(null)))
                .toList();
        List<CheckConstraint> checks = printed.checks().stream()
                .map(c -> {
                    boolean named =
                            wanted.checks().stream().anyMatch(w -> c.name().equals(w.name()));
                    String text = wanted.checks().stream()
                            .filter(w -> rules.sameExpression(w.expression(), c.expression()))
                            .map(CheckConstraint::expression)
                            .findFirst()
                            .orElse(c.expression());
                    return new CheckConstraint(named ? c.name() : null, text);
                })
                .toList();
        List<Index> indexes = printed.indexes().stream()
                .map(i -> wanted.indexes().stream()
                        .filter(w -> Objects.equals(w.name(), i.name()))
                        .findFirst()
                        .map(w -> Spellings.index(w, i, rules))
                        .orElse(i))
                .toList();
        return new Table(
                wanted.name(), columns, key, uniques, wanted.foreignKeys(), checks, indexes, printed.comment());
    }
}
