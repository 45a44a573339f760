package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresNames.quote;
import static dev.autogen.internal.dialect.postgres.PostgresSql.name;

import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropTable;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What the rows of the live database say about a migration before it runs: how many rows a dropped table
 * holds, how many values a dropped column, and how many rows a new NOT NULL, unique key, check or foreign
 * key would refuse. Counted exactly on tables the planner puts at up to {@link #EXACT_UP_TO} rows, in a
 * read-only transaction with a statement timeout; beyond that, the planner's statistics, said as an
 * estimate, or nothing.
 */
final class PostgresRowFacts {

    static final long EXACT_UP_TO = 200_000;

    private static final int STATEMENT_TIMEOUT_MS = 3_000;

    private final Connection connection;

    private PostgresRowFacts(Connection connection) {
        this.connection = connection;
    }

    static Map<Operation, List<String>> of(Connection connection, List<Operation> operations) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction read only");
            statement.execute("set local statement_timeout = " + STATEMENT_TIMEOUT_MS);
            PostgresRowFacts facts = new PostgresRowFacts(connection);
            Map<Operation, List<String>> said = new LinkedHashMap<>();
            for (Operation operation : operations) {
                List<String> lines = facts.about(operation);
                if (!lines.isEmpty()) {
                    said.put(operation, lines);
                }
            }
            return said;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private List<String> about(Operation operation) throws SQLException {
        if (operation instanceof DropTable drop) {
            QualifiedName table = drop.table().name();
            return counted(table, "select count(*) from " + name(table), rows -> table + " has " + rows);
        } else if (operation instanceof DropColumn drop) {
            String column = quote(drop.column().name());
            return counted(
                    drop.table(),
                    "select count(" + column + ") from " + name(drop.table()),
                    values -> drop.table() + " has " + values + " with a value in "
                            + drop.column().name());
        } else if (operation instanceof AlterColumn alter
                && alter.from().nullable()
                && !alter.to().nullable()
                && !alter.fillsNulls()) {
            return breaking(
                    alter.table(),
                    "select count(*) from " + name(alter.table()) + " where "
                            + quote(alter.to().name()) + " is null",
                    "with null in " + alter.to().name());
        } else if (operation instanceof AddUniqueConstraint unique) {
            String columns = unique.constraint().columns().stream()
                    .map(PostgresNames::quote)
                    .collect(Collectors.joining(", "));
            String notNull = unique.constraint().columns().stream()
                    .map(c -> quote(c) + " is not null")
                    .collect(Collectors.joining(" and "));
            return breaking(
                    unique.table(),
                    "select coalesce(sum(n), 0) from (select count(*) as n from " + name(unique.table()) + " where "
                            + notNull + " group by " + columns + " having count(*) > 1) d",
                    "sharing their " + String.join(", ", unique.constraint().columns()) + " with another row");
        } else if (operation instanceof AddCheckConstraint check && !check.provesNotNull()) {
            return breaking(
                    check.table(),
                    "select count(*) from " + name(check.table()) + " where not ("
                            + check.check().expression() + ")",
                    "breaking it");
        } else if (operation instanceof AddForeignKey add) {
            ForeignKey key = add.key();
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                pairs.add("t." + quote(key.targetColumns().get(i)) + " = r."
                        + quote(key.columns().get(i)));
            }
            String present = key.columns().stream()
                    .map(c -> "r." + quote(c) + " is not null")
                    .collect(Collectors.joining(" and "));
            return breaking(
                    add.table(),
                    "select count(*) from " + name(add.table()) + " r where " + present + " and not exists (select 1"
                            + " from " + name(key.target()) + " t where " + String.join(" and ", pairs) + ")",
                    "pointing at no row of " + key.target());
        }
        return List.of();
    }

    /** A count for the reviewer: exact on a table of modest size, the planner's estimate beyond. */
    private List<String> counted(QualifiedName table, String count, java.util.function.Function<String, String> say)
            throws SQLException {
        OptionalLong estimate = estimate(table);
        if (estimate.isEmpty()) {
            return List.of();
        }
        if (estimate.getAsLong() <= EXACT_UP_TO) {
            OptionalLong exact = query(count);
            if (exact.isPresent()) {
                return List.of("Rows: " + say.apply(rows(exact.getAsLong())) + ".");
            }
        }
        return List.of("Rows: " + table + " holds about " + rows(estimate.getAsLong())
                + " (the planner's estimate; not counted).");
    }

    /** Rows that would refuse a new constraint, counted where that is cheap; nothing when none would. */
    private List<String> breaking(QualifiedName table, String count, String what) throws SQLException {
        OptionalLong estimate = estimate(table);
        if (estimate.isEmpty()) {
            return List.of();
        }
        if (estimate.getAsLong() > EXACT_UP_TO) {
            return List.of("Rows: not counted, " + table + " holds about " + rows(estimate.getAsLong())
                    + " (the planner's estimate); the step fails on any row " + what + ".");
        }
        OptionalLong exact = query(count);
        if (exact.isEmpty() || exact.getAsLong() == 0) {
            return List.of();
        }
        return List.of("Rows: " + table + " has " + rows(exact.getAsLong()) + " " + what
                + " now; the step fails until they are mended.");
    }

    /** The planner's row count; empty when the table is not there (the migration creates it). */
    private OptionalLong estimate(QualifiedName table) throws SQLException {
        OptionalLong estimate = query("select greatest(c.reltuples, 0)::bigint from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = " + PostgresNames.literal(table.schema())
                + " and c.relname = " + PostgresNames.literal(table.name()) + " and c.relkind in ('r', 'p')");
        if (estimate.isEmpty() || estimate.getAsLong() > 0) {
            return estimate;
        }
        // Never analysed (or empty): a count stopped at the limit says which side of it the table is.
        return query("select count(*) from (select 1 from " + name(table) + " limit " + (EXACT_UP_TO + 1) + ") s");
    }

    /** One number, or empty when the query fails or runs out of time (the transaction carries on). */
    private OptionalLong query(String sql) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            OptionalLong value = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            connection.releaseSavepoint(savepoint);
            return value;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return OptionalLong.empty();
        }
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " row" : " rows");
    }
}
