package dev.autogen.internal.dialect.postgres;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Introspection;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.EnumType;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema model from PostgreSQL's catalog, one query per kind of object. Types are as
 * {@code format_type} prints them; expressions as {@code pg_get_expr} and {@code pg_get_indexdef} do.
 */
final class PostgresIntrospector {

    private final Connection connection;
    private final IntrospectionScope scope;
    private int queries;

    private PostgresIntrospector(Connection connection, IntrospectionScope scope) {
        this.connection = connection;
        this.scope = scope;
    }

    /** Reads the schemas in {@code scope}; the connection is left open and unchanged. */
    public static Introspection introspect(Connection connection, IntrospectionScope scope) {
        PostgresIntrospector introspector = new PostgresIntrospector(connection, scope);
        Schema schema = introspector.read();
        return new Introspection(schema, introspector.queries);
    }

    private Schema read() {
        List<String> namespaces = query("namespaces", rs -> rs.getString("schema_name"));
        if (!namespaces.contains(scope.defaultSchema())) {
            throw new AutogenException(
                    ErrorCode.SCHEMA_MISSING,
                    "schema '" + scope.defaultSchema() + "' does not exist in the database",
                    "create it (create schema " + scope.defaultSchema() + ") or set 'schema' to one that exists");
        }
        Map<QualifiedName, TableBuilder> tables = new LinkedHashMap<>();
        Map<Long, TableBuilder> byOid = new HashMap<>();
        Predicate<QualifiedName> excluded = scope.excluded();
        query("tables", rs -> {
            QualifiedName name = tableName(rs);
            if (!excluded.test(name)) {
                TableBuilder table = new TableBuilder(name, rs.getString("comment"));
                tables.put(name, table);
                byOid.put(rs.getLong("table_oid"), table);
            }
            return null;
        });
        ColumnNames names = new ColumnNames();
        query("columns", rs -> {
            long oid = rs.getLong("table_oid");
            int number = rs.getInt("attnum");
            names.put(oid, number, rs.getString("column_name"));
            TableBuilder table = byOid.get(oid);
            if (table != null) {
                table.addColumn(number, column(rs));
            }
            return null;
        });
        query("constraints", rs -> {
            TableBuilder table = byOid.get(rs.getLong("table_oid"));
            if (table != null) {
                table.add(rs, names.of(rs.getLong("table_oid"), numbers(rs, "keys")));
            }
            return null;
        });
        query("indexes", rs -> {
            TableBuilder table = byOid.get(rs.getLong("table_oid"));
            if (table != null) {
                table.indexes.add(index(rs, names));
            }
            return null;
        });
        // A foreign key may refer to a table of a schema not read: its columns' names are asked for apart.
        List<Long> elsewhere = tables.values().stream()
                .flatMap(table -> table.foreignKeys.stream())
                .map(ForeignKeyRow::refOid)
                .filter(oid -> !names.has(oid))
                .distinct()
                .toList();
        if (!elsewhere.isEmpty()) {
            query("column_names", elsewhere.toArray(Long[]::new), "int8", rs -> {
                names.put(rs.getLong("table_oid"), rs.getInt("attnum"), rs.getString("column_name"));
                return null;
            });
        }
        List<Sequence> sequences = query("sequences", PostgresIntrospector::sequence);
        List<EnumType> enumTypes = query(
                "enum_types",
                rs -> new EnumType(
                        new QualifiedName(rs.getString("type_schema"), rs.getString("type_name")),
                        strings(rs, "labels"),
                        rs.getBoolean("varchar_casts")));
        return new Schema(
                namespaces,
                tables.values().stream().map(table -> table.build(names)).toList(),
                sequences,
                enumTypes);
    }

    /**
     * What the schemas in {@code scope} hold that a schema read by {@link #introspect} leaves out or
     * changes, one line each ({@code view public.v}, {@code partitioned table public.t (partition by
     * RANGE (day))}): views, partitioning, triggers, policies, routines, domains and other types,
     * extensions. One catalog query.
     */
    static List<String> notReproduced(Connection connection, IntrospectionScope scope) {
        PostgresIntrospector introspector = new PostgresIntrospector(connection, scope);
        Predicate<QualifiedName> excluded = scope.excluded();
        return introspector.query("not_reproduced", rs -> {
            String kind = rs.getString("kind");
            String schema = rs.getString("schema_name");
            String name = rs.getString("object_name");
            boolean relation = List.of("view", "materialized view", "foreign table", "partitioned table", "partition")
                    .contains(kind);
            if (relation && excluded.test(new QualifiedName(schema, name))) {
                return null;
            }
            String detail = rs.getString("detail");
            String what = kind.equals("function") || kind.equals("procedure") || kind.equals("aggregate")
                    ? PostgresNames.quote(schema) + "." + name
                    : PostgresNames.quote(schema) + "." + PostgresNames.quote(name);
            return kind + " " + what + (detail == null ? "" : " (" + detail + ")");
        });
    }

    private static QualifiedName tableName(ResultSet rs) throws SQLException {
        return new QualifiedName(rs.getString("table_schema"), rs.getString("table_name"));
    }

    private static Column column(ResultSet rs) throws SQLException {
        boolean serial = rs.getBoolean("serial");
        Identity identity = switch (rs.getString("identity")) {
            case "a" -> Identity.ALWAYS;
            case "d" -> Identity.BY_DEFAULT;
            default -> serial ? Identity.SERIAL : Identity.NONE;
        };
        // pg_attrdef holds a stored generated column's expression too; that is no default.
        boolean generated = !rs.getString("generated").isEmpty();
        String expression = rs.getString("default_expr");
        return new Column(
                rs.getString("column_name"),
                rs.getString("data_type"),
                rs.getBoolean("nullable"),
                // A serial column's default is the database's own, named after its sequence.
                generated || serial ? null : expression,
                identity,
                generated ? expression : null,
                rs.getString("comment"),
                rs.getString("generated").equals("v"));
    }

    private static final Pattern MADE_UP_NOT_NULL = Pattern.compile(".*_not_null([0-9]*)");

    /**
     * The name of a column's NOT NULL constraint when it was given, {@code null} when PostgreSQL made it up
     * ({@code <table>_<column>_not_null}, shortened to fit, a number added on a clash) or there is none.
     */
    static String givenNotNullName(String table, String column, String constraint) {
        if (constraint == null || constraint.equals(table + "_" + column + "_not_null")) {
            return null;
        }
        Matcher m = MADE_UP_NOT_NULL.matcher(constraint);
        boolean madeUp =
                m.matches() && constraint.equals(PostgresDiffRules.objectName(table, column, "not_null" + m.group(1)));
        return madeUp ? null : constraint;
    }

    private static Index index(ResultSet rs, ColumnNames names) throws SQLException {
        int count = rs.getInt("key_count");
        int[] numbers = numbers(rs, "keys");
        int[] options = numbers(rs, "options");
        List<String> definitions = strings(rs, "key_definitions");
        long table = rs.getLong("table_oid");
        List<IndexKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // indoption's bit 0 is DESC
            boolean descending = (options[i] & 1) == 1;
            keys.add(
                    numbers[i] != 0
                            ? new IndexKey(names.of(table, numbers[i]), false, descending)
                            : new IndexKey(definitions.get(i), true, descending));
        }
        return new Index(
                rs.getString("index_name"),
                rs.getBoolean("is_unique"),
                keys,
                rs.getString("method"),
                rs.getString("predicate"));
    }

    private static Sequence sequence(ResultSet rs) throws SQLException {
        return new Sequence(
                new QualifiedName(rs.getString("sequence_schema"), rs.getString("sequence_name")),
                rs.getString("data_type"),
                rs.getLong("start_value"),
                rs.getLong("increment_by"),
                rs.getLong("min_value"),
                rs.getLong("max_value"),
                rs.getLong("cache_size"),
                rs.getBoolean("cycle"));
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Numbers the query wrote as text, {@code "1 2"} (an array's or an {@code int2vector}'s); none for a null. */
    private static int[] numbers(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(" ");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    /** Every column's name by its table's oid and its number, as the keys of constraints and indexes give them. */
    private static final class ColumnNames {
        private final Map<Long, String> names = new HashMap<>();
        private final Set<Long> tables = new HashSet<>();

        void put(long table, int number, String name) {
            names.put(key(table, number), name);
            tables.add(table);
        }

        boolean has(long table) {
            return tables.contains(table);
        }

        String of(long table, int number) {
            String name = names.get(key(table, number));
            if (name == null) {
                throw new IllegalStateException("no column " + number + " of table oid " + table);
            }
            return name;
        }

        List<String> of(long table, int[] numbers) {
            List<String> of = new ArrayList<>(numbers.length);
            for (int number : numbers) {
                of.add(number > 0 ? of(table, number) : null);
            }
            return of;
        }

        private static long key(long table, int number) {
            return table << 16 | (number & 0xFFFF);
        }
    }

    /** A foreign key as read: the columns it refers to are named once every table's columns are known. */
    private record ForeignKeyRow(
            String name,
            List<String> columns,
            QualifiedName target,
            long refOid,
            int[] refNumbers,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean deferrable,
            boolean deferred) {

        ForeignKey build(ColumnNames names) {
            return new ForeignKey(
                    name, columns, target, names.of(refOid, refNumbers), onDelete, onUpdate, deferrable, deferred);
        }
    }

    /** Collects one table's rows from the per-kind queries. */
    private static final class TableBuilder {
        final QualifiedName name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final Map<Integer, Integer> columnAt = new HashMap<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKeyRow> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        PrimaryKey primaryKey;

        TableBuilder(QualifiedName name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        void addColumn(int number, Column column) {
            columnAt.put(number, columns.size());
            columns.add(column);
        }

        void add(ResultSet rs, List<String> columnNames) throws SQLException {
            String constraintName = rs.getString("constraint_name");
            switch (rs.getString("type")) {
                case "p" -> primaryKey = new PrimaryKey(constraintName, columnNames);
                case "u" -> uniques.add(new UniqueConstraint(constraintName, columnNames));
                case "c" -> checks.add(new CheckConstraint(constraintName, rs.getString("check_expr")));
                case "n" -> {
                    int at = columnAt.get(rs.getInt("first_key"));
                    Column column = columns.get(at);
                    columns.set(
                            at,
                            column.withNotNullConstraint(givenNotNullName(name.name(), column.name(), constraintName)));
                }
                case "f" ->
                    foreignKeys.add(new ForeignKeyRow(
                            constraintName,
                            columnNames,
                            new QualifiedName(rs.getString("ref_schema"), rs.getString("ref_table")),
                            rs.getLong("ref_oid"),
                            numbers(rs, "ref_keys"),
                            action(rs.getString("on_delete")),
                            action(rs.getString("on_update")),
                            rs.getBoolean("deferrable"),
                            rs.getBoolean("deferred")));
                default -> throw new IllegalStateException("constraint type " + rs.getString("type"));
            }
        }

        Table build(ColumnNames names) {
            List<ForeignKey> keys =
                    foreignKeys.stream().map(key -> key.build(names)).toList();
            return new Table(name, columns, primaryKey, uniques, keys, checks, indexes, comment);
        }
    }

    // ---------------------------------------------------------------- running the catalog queries

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String name, RowReader<T> reader) {
        return query(name, scope.schemas().toArray(), "text", reader);
    }

    /** Runs a catalog query whose one parameter is an array of {@code values} of {@code type}. */
    private <T> List<T> query(String name, Object[] values, String type, RowReader<T> reader) {
        String sql = CatalogSql.text(name);
        queries++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf(type, values));
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows.stream().filter(Objects::nonNull).toList();
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_ERROR,
                    "reading the catalog failed in query '" + name + "': " + e.getMessage(),
                    "check that the user may read pg_catalog; the query was: " + sql.replaceAll("\\s+", " "),
                    e);
        }
    }

    /** The catalog queries, kept as SQL files beside this class so they read as SQL. */
    private static final class CatalogSql {
        private static final Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static String text(String name) {
            return CACHE.computeIfAbsent(name, CatalogSql::load);
        }

        private static String load(String name) {
            try (InputStream in = PostgresIntrospector.class.getResourceAsStream(name + ".sql")) {
                if (in == null) {
                    throw new IllegalStateException("missing catalog query " + name + ".sql");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
