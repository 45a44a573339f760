package dev.autogen.internal.diff;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The database's schema with each expression spelled as the migrations created it, where that means the
 * same as what the catalog prints. A migration that drops a check, a default or an index then restores,
 * on its way down, what its creator wrote, not the catalog's print of it: PostgreSQL does not read its
 * own print back to the same thing ({@code x in ('A')} is printed {@code (x)::text = ANY
 * ((ARRAY['A'::character varying])::text[])}, which, run again, is stored and printed otherwise).
 */
public final class HistorySpellings {

    private HistorySpellings() {}

    public static Schema apply(Schema database, Schema history, DiffRules rules) {
        List<Table> tables = new ArrayList<>();
        for (Table table : database.tables()) {
            tables.add(
                    history.table(table.name()).map(h -> table(table, h, rules)).orElse(table));
        }
        return database.withTables(tables);
    }

    private static Table table(Table table, Table history, DiffRules rules) {
        return table.withColumns(table.columns().stream()
                        .map(c -> history.column(c.name())
                                .map(h -> column(c, h, rules))
                                .orElse(c))
                        .toList())
                .withChecks(table.checks().stream()
                        .map(c -> new CheckConstraint(
                                c.name(),
                                history.checks().stream()
                                        .filter(h -> Objects.equals(h.name(), c.name()))
                                        .map(h -> spelling(c.expression(), h.expression(), rules))
                                        .findFirst()
                                        .orElse(c.expression())))
                        .toList())
                .withIndexes(table.indexes().stream()
                        .map(i -> history.indexes().stream()
                                .filter(h -> Objects.equals(h.name(), i.name()))
                                .findFirst()
                                .map(h -> index(i, h, rules))
                                .orElse(i))
                        .toList());
    }

    private static Column column(Column column, Column history, DiffRules rules) {
        return column.withDefaultValue(spelling(column.defaultValue(), history.defaultValue(), rules))
                .withGeneratedAs(spelling(column.generatedAs(), history.generatedAs(), rules));
    }

    private static Index index(Index index, Index history, DiffRules rules) {
        List<IndexKey> keys = new ArrayList<>();
        for (int i = 0; i < index.keys().size(); i++) {
            IndexKey key = index.keys().get(i);
            Optional<IndexKey> created =
                    i < history.keys().size() ? Optional.of(history.keys().get(i)) : Optional.empty();
            keys.add(
                    key.expression() && created.isPresent() && created.get().expression()
                            ? new IndexKey(spelling(key.text(), created.get().text(), rules), true, key.descending())
                            : key);
        }
        return new Index(
                index.name(),
                index.unique(),
                keys,
                index.method(),
                spelling(index.predicate(), history.predicate(), rules));
    }

    /** The history's spelling when it means what the catalog printed, else the catalog's. */
    private static String spelling(String printed, String created, DiffRules rules) {
        return printed != null && created != null && rules.sameExpression(created, printed) ? created : printed;
    }
}
