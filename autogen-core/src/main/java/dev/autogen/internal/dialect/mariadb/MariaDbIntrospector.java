package dev.autogen.internal.dialect.mariadb;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the schema model from MariaDB's {@code information_schema}, one query per kind of object whatever
 * the number of tables (sequences, which it does not describe, in one more query over all of them). Types
 * are as {@code column_type} spells them ({@code int(11)}, {@code enum('A','B')}); expressions as MariaDB
 * prints them. A MariaDB "schema" is a database.
 */
final class MariaDbIntrospector {

    private final Connection connection;
    private final IntrospectionScope scope;
    private final String in;
    private int queries;

    private MariaDbIntrospector(Connection connection, IntrospectionScope scope) {
        this.connection = connection;
        this.scope = scope;
        this.in = "(" + scope.schemas().stream().map(s -> "?").collect(Collectors.joining(", ")) + ")";
    }

    static Introspection introspect(Connection connection, IntrospectionScope scope) {
        MariaDbIntrospector introspector = new MariaDbIntrospector(connection, scope);
        Schema schema = introspector.read();
        return new Introspection(schema, introspector.queries);
    }

    private Schema read() {
        List<String> namespaces = query(
                "select schema_name from information_schema.schemata where schema_name in " + in + " order by 1",
                rs -> rs.getString(1));
        if (!namespaces.contains(scope.defaultSchema())) {
            throw new AutogenException(
                    ErrorCode.SCHEMA_MISSING,
                    "database '" + scope.defaultSchema() + "' does not exist on the server",
                    "create it (create database " + scope.defaultSchema() + ") or set 'schema' to one that exists");
        }
        Map<QualifiedName, Builder> tables = new LinkedHashMap<>();
        Predicate<QualifiedName> excluded = scope.excluded();
        List<QualifiedName> sequenceNames = new ArrayList<>();
        query(
                "select table_schema, table_name, table_type, table_comment from information_schema.tables"
                        + " where table_type in ('BASE TABLE', 'SEQUENCE') and table_schema in " + in
                        + " order by 1, 2",
                rs -> {
                    QualifiedName name = tableName(rs);
                    if (rs.getString("table_type").equals("SEQUENCE")) {
                        sequenceNames.add(name);
                    } else if (!excluded.test(name)) {
                        String comment = rs.getString("table_comment");
                        tables.put(name, new Builder(name, comment == null || comment.isEmpty() ? null : comment));
                    }
                    return null;
                });
        query(
                "select table_schema, table_name, column_name, column_type, is_nullable, column_default, extra,"
                        + " generation_expression, column_comment from information_schema.columns"
                        + " where table_schema in " + in + " order by table_schema, table_name, ordinal_position",
                rs -> {
                    Builder table = tables.get(tableName(rs));
                    if (table != null) {
                        table.columns.add(column(rs));
                    }
                    return null;
                });
        // Three plain reads joined here: information_schema's tables have no indexes, and MariaDB joins them
        // by rereading one for every row of the other (a second at a thousand tables, against 60 ms so).
        Map<List<String>, String> keyTypes = new HashMap<>();
        query(
                "select table_schema, table_name, constraint_name, constraint_type"
                        + " from information_schema.table_constraints"
                        + " where constraint_type in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') and table_schema in "
                        + in,
                rs -> keyTypes.put(constraintKey(rs), rs.getString("constraint_type")));
        Map<List<String>, String[]> rules = new HashMap<>();
        query(
                "select constraint_schema as table_schema, table_name, constraint_name, update_rule, delete_rule"
                        + " from information_schema.referential_constraints where constraint_schema in " + in,
                rs -> rules.put(
                        constraintKey(rs), new String[] {rs.getString("update_rule"), rs.getString("delete_rule")}));
        query(
                "select table_schema, table_name, constraint_name, column_name, referenced_table_schema,"
                        + " referenced_table_name, referenced_column_name from information_schema.key_column_usage"
                        + " where table_schema in " + in
                        + " order by table_schema, table_name, constraint_name, ordinal_position",
                rs -> {
                    Builder table = tables.get(tableName(rs));
                    List<String> key = constraintKey(rs);
                    String type = keyTypes.get(key);
                    if (table != null && type != null) {
                        String[] rule = rules.getOrDefault(key, new String[2]);
                        table.keyColumn(rs, type, rule[0], rule[1]);
                    }
                    return null;
                });
        query(
                "select constraint_schema as table_schema, table_name, constraint_name, check_clause"
                        + " from information_schema.check_constraints where constraint_schema in " + in
                        + " order by 1, 2, 3",
                rs -> {
                    Builder table = tables.get(tableName(rs));
                    if (table != null) {
                        table.checks.add(
                                new CheckConstraint(rs.getString("constraint_name"), rs.getString("check_clause")));
                    }
                    return null;
                });
        query(
                "select table_schema, table_name, index_name, non_unique, column_name, collation"
                        + " from information_schema.statistics where table_schema in " + in
                        + " order by table_schema, table_name, index_name, seq_in_index",
                rs -> {
                    Builder table = tables.get(tableName(rs));
                    if (table != null) {
                        table.indexColumn(rs);
                    }
                    return null;
                });
        List<Sequence> sequences = sequences(sequenceNames);
        return new Schema(
                namespaces, tables.values().stream().map(Builder::build).toList(), sequences, List.of());
    }

    /**
     * What the schemas in {@code scope} hold that {@link #introspect} leaves out (views, triggers, routines),
     * one line each, in one query.
     */
    static List<String> notReproduced(Connection connection, IntrospectionScope scope) {
        MariaDbIntrospector introspector = new MariaDbIntrospector(connection, scope);
        String in = introspector.in;
        return introspector.query(
                "select concat('view `', table_schema, '`.`', table_name, '`') from information_schema.views"
                        + " where table_schema in " + in
                        + " union all select concat('trigger `', trigger_schema, '`.`', trigger_name, '`')"
                        + " from information_schema.triggers where trigger_schema in " + in
                        + " union all select concat(lower(routine_type), ' `', routine_schema, '`.', routine_name)"
                        + " from information_schema.routines where routine_schema in " + in + " order by 1",
                rs -> rs.getString(1));
    }

    /** MariaDB describes a sequence only in its own one-row table: all of them read in one query. */
    private List<Sequence> sequences(List<QualifiedName> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        String union = names.stream()
                .map(n -> "select " + MariaDbNames.literal(n.schema()) + " as table_schema, "
                        + MariaDbNames.literal(n.name()) + " as table_name, start_value, increment, minimum_value,"
                        + " maximum_value, cache_size, cycle_option from " + MariaDbNames.quote(n.schema()) + "."
                        + MariaDbNames.quote(n.name()))
                .collect(Collectors.joining(" union all "));
        queries++;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(union)) {
            List<Sequence> sequences = new ArrayList<>();
            while (rs.next()) {
                sequences.add(new Sequence(
                        tableName(rs),
                        "bigint",
                        rs.getLong("start_value"),
                        rs.getLong("increment"),
                        rs.getLong("minimum_value"),
                        rs.getLong("maximum_value"),
                        rs.getLong("cache_size"),
                        rs.getBoolean("cycle_option")));
            }
            return sequences;
        } catch (SQLException e) {
            throw failed("sequences", e, union);
        }
    }

    private static QualifiedName tableName(ResultSet rs) throws SQLException {
        return new QualifiedName(rs.getString("table_schema"), rs.getString("table_name"));
    }

    private static Column column(ResultSet rs) throws SQLException {
        String extra = rs.getString("extra").toLowerCase(Locale.ROOT);
        boolean generated = extra.contains("generated");
        String defaultValue = rs.getString("column_default");
        // Before 10.2.7 and for a nullable column without one, "NULL" is how "no default" reads.
        if (defaultValue != null && defaultValue.equals("NULL")) {
            defaultValue = null;
        }
        String comment = rs.getString("column_comment");
        return new Column(
                rs.getString("column_name"),
                rs.getString("column_type"),
                rs.getString("is_nullable").equals("YES"),
                generated ? null : defaultValue,
                extra.contains("auto_increment") ? Identity.BY_DEFAULT : Identity.NONE,
                generated ? rs.getString("generation_expression") : null,
                comment == null || comment.isEmpty() ? null : comment,
                extra.contains("virtual"));
    }

    private static ReferentialAction action(String rule) {
        return switch (rule == null ? "" : rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "NO ACTION" -> ReferentialAction.NO_ACTION;
            // MariaDB's default: RESTRICT and NO ACTION act the same, and it reports RESTRICT.
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** One table's rows from the per-kind queries. */
    /** A constraint's schema, table and name: constraint names are unique per table on MariaDB. */
    private static List<String> constraintKey(ResultSet rs) throws SQLException {
        return List.of(rs.getString("table_schema"), rs.getString("table_name"), rs.getString("constraint_name"));
    }

    private static final class Builder {
        final QualifiedName name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, KeyRows> keys = new LinkedHashMap<>();
        final Map<String, IndexRows> indexes = new LinkedHashMap<>();

        Builder(QualifiedName name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        /** A key's rows so far; {@code target} and the rules are a foreign key's, null for another key. */
        record KeyRows(
                String type,
                QualifiedName target,
                String deleteRule,
                String updateRule,
                List<String> columns,
                List<String> targetColumns) {}

        record IndexRows(boolean unique, List<IndexKey> keys) {}

        void keyColumn(ResultSet rs, String type, String updateRule, String deleteRule) throws SQLException {
            String constraint = rs.getString("constraint_name");
            KeyRows key = keys.get(constraint);
            if (key == null) {
                String targetTable = rs.getString("referenced_table_name");
                key = new KeyRows(
                        type,
                        targetTable == null
                                ? null
                                : new QualifiedName(rs.getString("referenced_table_schema"), targetTable),
                        deleteRule,
                        updateRule,
                        new ArrayList<>(),
                        new ArrayList<>());
                keys.put(constraint, key);
            }
            key.columns().add(rs.getString("column_name"));
            if (rs.getString("referenced_column_name") != null) {
                key.targetColumns().add(rs.getString("referenced_column_name"));
            }
        }

        void indexColumn(ResultSet rs) throws SQLException {
            String indexName = rs.getString("index_name");
            IndexRows index = indexes.get(indexName);
            if (index == null) {
                index = new IndexRows(!rs.getBoolean("non_unique"), new ArrayList<>());
                indexes.put(indexName, index);
            }
            index.keys().add(new IndexKey(rs.getString("column_name"), false, "D".equals(rs.getString("collation"))));
        }

        Table build() {
            PrimaryKey primaryKey = null;
            List<UniqueConstraint> uniques = new ArrayList<>();
            List<ForeignKey> foreignKeys = new ArrayList<>();
            for (Map.Entry<String, KeyRows> entry : keys.entrySet()) {
                KeyRows key = entry.getValue();
                switch (key.type()) {
                    case "PRIMARY KEY" -> primaryKey = new PrimaryKey(MariaDbCanonical.PRIMARY, key.columns());
                    case "UNIQUE" -> uniques.add(new UniqueConstraint(entry.getKey(), key.columns()));
                    default ->
                        foreignKeys.add(new ForeignKey(
                                entry.getKey(),
                                key.columns(),
                                key.target(),
                                key.targetColumns(),
                                action(key.deleteRule()),
                                action(key.updateRule()),
                                false,
                                false));
                }
            }
            List<Index> plain = new ArrayList<>();
            indexes.forEach((indexName, rows) -> {
                // The primary key and unique constraints are indexes to MariaDB, read above as constraints;
                // so is the index MariaDB makes for a foreign key that has none, named after the key.
                boolean ofConstraint = indexName.equals("PRIMARY") || keys.containsKey(indexName) || rows.unique();
                if (!ofConstraint) {
                    plain.add(new Index(indexName, false, rows.keys(), Index.DEFAULT_METHOD, null));
                }
            });
            Collections.sort(checks, (a, b) -> a.name().compareTo(b.name()));
            return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, plain, comment);
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader) {
        queries++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // The schemas once for each "in" list the query has.
            List<String> schemas = scope.schemas();
            long lists = sql.chars().filter(c -> c == '?').count() / schemas.size();
            int parameter = 1;
            for (long list = 0; list < lists; list++) {
                for (String schema : schemas) {
                    statement.setString(parameter++, schema);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    T row = reader.read(rs);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed("catalog", e, sql);
        }
    }

    private static AutogenException failed(String what, SQLException e, String sql) {
        return new AutogenException(
                ErrorCode.DATABASE_ERROR,
                "reading the " + what + " failed: " + e.getMessage(),
                "check that the user may read information_schema; the query was: " + sql,
                e);
    }
}
