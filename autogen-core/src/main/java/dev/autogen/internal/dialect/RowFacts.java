package dev.autogen.internal.dialect;

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
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the rows of the live database say about a migration before it runs: how many rows a dropped table
 * holds, how many values a dropped column, and how many rows a new NOT NULL, unique key, check or foreign
 * key would refuse. Counted exactly on tables the database's statistics put at up to {@link #EXACT_UP_TO}
 * rows, in a read-only transaction with a time limit a statement; beyond that, the statistics, said as an
 * estimate, or nothing. What differs between databases is only how the queries are spelled ({@link
 * Queries}).
 */
public final class RowFacts {

    static final long EXACT_UP_TO = 200_000;

    public static final int STATEMENT_TIMEOUT_MS = 3_000;

    /**
     * How one database spells the queries the facts ask.
     *
     * @param estimate one number: the rows the database's statistics give a table; no row when there is
     *     no such table (the migration creates it), and 0 when it holds none or was never measured
     * @param estimateSaid whose estimate it is, for the reviewer: "the planner's estimate"
     * @param begin what starts the read-only transaction, with autocommit off, the time limit included where
     *     it can be
     * @param timed a query with the time limit, where it must be said with each statement
     */
    public record Queries(
            Function<String, String> quote,
            Function<QualifiedName, String> name,
            Function<QualifiedName, String> estimate,
            String estimateSaid,
            List<String> begin,
            UnaryOperator<String> timed) {}

    private final Connection connection;
    private final Queries queries;

    private RowFacts(Connection connection, Queries queries) {
        this.connection = connection;
        this.queries = queries;
    }

    public static Map<Operation, List<String>> of(Connection connection, List<Operation> operations, Queries queries)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : queries.begin()) {
                statement.execute(sql);
            }
            RowFacts facts = new RowFacts(connection, queries);
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
            String columns =
                    unique.constraint().columns().stream().map(this::quote).collect(Collectors.joining(", "));
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
                    "select count(*) from " + name(add.table()) + " r where " + present
                            + " and not exists (select 1" + " from " + name(key.target()) + " t where "
                            + String.join(" and ", pairs) + ")",
                    "pointing at no row of " + key.target());
        }
        return List.of();
    }

    /** A count for the reviewer: exact on a table of modest size, the statistics' estimate beyond. */
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
        return List.of("Rows: " + table + " holds about " + rows(estimate.getAsLong()) + " (" + queries.estimateSaid()
                + "; not counted).");
    }

    /** Rows that would refuse a new constraint, counted where that is cheap; nothing when none would. */
    private List<String> breaking(QualifiedName table, String count, String what) throws SQLException {
        OptionalLong estimate = estimate(table);
        if (estimate.isEmpty()) {
            return List.of();
        }
        if (estimate.getAsLong() > EXACT_UP_TO) {
            return List.of("Rows: not counted, " + table + " holds about " + rows(estimate.getAsLong()) + " ("
                    + queries.estimateSaid() + "); the step fails on any row " + what + ".");
        }
        OptionalLong exact = query(count);
        if (exact.isEmpty() || exact.getAsLong() == 0) {
            return List.of();
        }
        return List.of("Rows: " + table + " has " + rows(exact.getAsLong()) + " " + what
                + " now; the step fails until they are mended.");
    }

    /** The statistics' row count; empty when the table is not there (the migration creates it). */
    private OptionalLong estimate(QualifiedName table) throws SQLException {
        OptionalLong estimate = query(queries.estimate().apply(table));
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
                ResultSet rs = statement.executeQuery(queries.timed().apply(sql))) {
            OptionalLong value = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            connection.releaseSavepoint(savepoint);
            return value;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return OptionalLong.empty();
        }
    }

    private String quote(String column) {
        return queries.quote().apply(column);
    }

    private String name(QualifiedName table) {
        return queries.name().apply(table);
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " row" : " rows");
    }
}
