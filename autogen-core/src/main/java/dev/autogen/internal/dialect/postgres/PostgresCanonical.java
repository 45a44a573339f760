package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;

/**
 * A model with every type and expression in the spelling {@link PostgresTypes} and {@link SqlExpressions}
 * give them: how two models are compared when no server is asked to print them.
 */
final class PostgresCanonical {

    private PostgresCanonical() {}

    static Schema of(Schema schema) {
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
                c.comment());
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
