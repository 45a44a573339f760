package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Models in canonical spelling. Types are always compared as {@link PostgresTypes} spells them (an alias
 * means the same type); expressions keep the text they were written or printed in, and are compared
 * through {@link SqlExpressions} by the differ, so that generated code carries them as they were.
 */
public final class PostgresCanonical {

    private PostgresCanonical() {}

    /**
     * Every column type as {@code format_type} spells it; a column written {@code serial} (or
     * {@code bigserial}, {@code smallserial}) as the database stores it: of the integer type, not null,
     * and a serial column.
     */
    static Schema types(Schema schema) {
        // A model has few distinct types among its thousands of columns: each is parsed once.
        Map<String, Optional<String>> serials = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        return schema.withTables(schema.tables().stream()
                .map(t -> t.withColumns(t.columns().stream()
                        .map(c -> serial(c, serials.computeIfAbsent(c.type(), PostgresTypes::serialBase)))
                        .map(c -> {
                            String type = canonical.computeIfAbsent(c.type(), PostgresTypes::canonical);
                            return type.equals(c.type()) ? c : c.withType(type);
                        })
                        .toList()))
                .toList());
    }

    private static Column serial(Column c, Optional<String> serialBase) {
        return serialBase
                .map(base -> c.withType(base)
                        .withIdentity(Identity.SERIAL)
                        .withNullable(false)
                        .withDefaultValue(null))
                .orElse(c);
    }

    /** Types and expressions alike in canonical spelling: for comparing whole models, record for record. */
    public static Schema of(Schema schema) {
        return schema.withTables(
                schema.tables().stream().map(PostgresCanonical::table).toList());
    }

    private static Table table(Table table) {
        return table.withColumns(
                        table.columns().stream().map(PostgresCanonical::column).toList())
                .withChecks(table.checks().stream()
                        .map(c -> new CheckConstraint(c.name(), SqlExpressions.canonical(c.expression())))
                        .toList())
                .withIndexes(
                        table.indexes().stream().map(PostgresCanonical::index).toList());
    }

    private static Column column(Column c) {
        return new Column(
                c.name(),
                PostgresTypes.canonical(c.type()),
                c.nullable(),
                SqlExpressions.canonical(c.defaultValue()),
                c.identity(),
                SqlExpressions.canonical(c.generatedAs()),
                c.comment(),
                c.virtual(),
                c.notNullConstraint());
    }

    private static Index index(Index index) {
        return new Index(
                index.name(),
                index.unique(),
                index.keys().stream()
                        .map(k -> k.expression()
                                ? new IndexKey(SqlExpressions.canonical(k.text()), true, k.descending())
                                : k)
                        .toList(),
                index.method(),
                SqlExpressions.canonical(index.predicate()));
    }
}
