package dev.autogen.internal.diff;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
                                .map(h -> Spellings.column(h, c, rules))
                                .orElse(c))
                        .toList())
                .withChecks(table.checks().stream()
                        .map(c -> new CheckConstraint(
                                c.name(),
                                history.checks().stream()
                                        .filter(h -> Objects.equals(h.name(), c.name()))
                                        .map(h -> Spellings.of(h.expression(), c.expression(), rules))
                                        .findFirst()
                                        .orElse(c.expression())))
                        .toList())
                .withIndexes(table.indexes().stream()
                        .map(i -> history.indexes().stream()
                                .filter(h -> Objects.equals(h.name(), i.name()))
                                .findFirst()
                                .map(h -> Spellings.index(h, i, rules))
                                .orElse(i))
                        .toList());
    }
}
