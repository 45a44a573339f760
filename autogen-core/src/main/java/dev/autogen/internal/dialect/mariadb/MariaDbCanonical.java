package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Models in the one spelling MariaDB's catalog has: types as {@code column_type} prints them ({@code int(11)}
 * for Hibernate's {@code integer}), a primary key named {@code PRIMARY} whatever it was called, and a unique
 * index as the unique key MariaDB makes of it. What this does not know is left as it is, and the database
 * prints it when the models differ.
 */
final class MariaDbCanonical {

    private static final Pattern TYPE = Pattern.compile("([a-z ]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?");
    private static final Pattern FRACTIONAL = Pattern.compile("(?:datetime|timestamp)\\((\\d)\\)");
    private static final Pattern ENUM = Pattern.compile("(?is)enum\\s*\\((.*)\\)");

    /** Hibernate's names, without a length, for the types MariaDB prints with one or by another name. */
    private static final Map<String, String> BARE = Map.ofEntries(
            Map.entry("integer", "int(11)"),
            Map.entry("int", "int(11)"),
            Map.entry("bigint", "bigint(20)"),
            Map.entry("smallint", "smallint(6)"),
            Map.entry("tinyint", "tinyint(4)"),
            Map.entry("mediumint", "mediumint(9)"),
            Map.entry("bit", "bit(1)"),
            Map.entry("boolean", "tinyint(1)"),
            Map.entry("bool", "tinyint(1)"),
            Map.entry("double precision", "double"),
            Map.entry("real", "double"),
            Map.entry("decimal", "decimal(10,0)"),
            Map.entry("numeric", "decimal(10,0)"),
            Map.entry("char", "char(1)"),
            Map.entry("json", "json"));

    /** The one name MariaDB gives a primary key, whatever the DDL said. */
    static final String PRIMARY = "PRIMARY";

    private MariaDbCanonical() {}

    static Schema of(Schema schema) {
        return schema.withTables(
                        schema.tables().stream().map(MariaDbCanonical::table).toList())
                .withSequences(schema.sequences().stream()
                        .map(MariaDbCanonical::sequence)
                        .toList());
    }

    /**
     * MariaDB's bounds are one short of a long's; a sequence that says nothing of its cache (1, as the model
     * has it) is the {@code nocache} Hibernate writes.
     */
    private static Sequence sequence(Sequence s) {
        return new Sequence(
                s.name(),
                "bigint",
                s.start(),
                s.increment(),
                s.min() == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : s.min(),
                s.max() == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : s.max(),
                s.cache() == 1 ? 0 : s.cache(),
                s.cycle());
    }

    /**
     * InnoDB checks a key at once either way, so RESTRICT and NO ACTION are one rule; the catalog reports
     * them alike and {@code show create table} prints neither.
     */
    private static ForeignKey foreignKey(ForeignKey key) {
        return new ForeignKey(
                key.name(),
                key.columns(),
                key.target(),
                key.targetColumns(),
                noRestrict(key.onDelete()),
                noRestrict(key.onUpdate()),
                key.deferrable(),
                key.initiallyDeferred());
    }

    private static ReferentialAction noRestrict(ReferentialAction action) {
        return action == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : action;
    }

    private static Table table(Table table) {
        table = json(table);
        List<UniqueConstraint> uniques = new ArrayList<>(table.uniqueConstraints());
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            boolean plainColumns = index.keys().stream().noneMatch(k -> k.expression() || k.descending());
            if (index.unique() && index.predicate() == null && plainColumns) {
                uniques.add(new UniqueConstraint(
                        index.name(), index.keys().stream().map(IndexKey::text).toList()));
            } else {
                indexes.add(new Index(index.name(), index.unique(), index.keys(), Index.DEFAULT_METHOD, null));
            }
        }
        PrimaryKey key = table.primaryKey() == null
                ? null
                : new PrimaryKey(PRIMARY, table.primaryKey().columns());
        return new Table(
                table.name(),
                table.columns().stream().map(MariaDbCanonical::column).toList(),
                key,
                uniques,
                table.foreignKeys().stream().map(MariaDbCanonical::foreignKey).toList(),
                table.checks(),
                indexes,
                table.comment());
    }

    /** How MariaDB prints the functions Hibernate and people write for a default. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "current_date", "curdate()",
            "current_date()", "curdate()",
            "current_time", "curtime()",
            "current_timestamp", "current_timestamp()",
            "now()", "current_timestamp()",
            "localtimestamp", "current_timestamp()");

    /**
     * MariaDB stores {@code json} as {@code longtext} with a check {@code json_valid(col)} named after the
     * column: read so, it is the {@code json} column that was asked for.
     */
    private static Table json(Table table) {
        List<String> json = table.checks().stream()
                .filter(check -> check.name() != null
                        && MariaDbDiffRules.comparable(check.expression())
                                .equals("json_valid(" + check.name().toLowerCase(Locale.ROOT) + ")"))
                .map(CheckConstraint::name)
                .filter(name ->
                        table.column(name).map(c -> c.type().equals("longtext")).orElse(false))
                .toList();
        if (json.isEmpty()) {
            return table;
        }
        return table.withColumns(table.columns().stream()
                        .map(c -> json.contains(c.name()) ? c.withType("json") : c)
                        .toList())
                .withChecks(table.checks().stream()
                        .filter(check -> !json.contains(check.name()))
                        .toList());
    }

    private static Column column(Column c) {
        String type = type(c.type());
        String defaultValue = c.defaultValue() == null
                ? null
                : DEFAULTS.getOrDefault(c.defaultValue().strip().toLowerCase(Locale.ROOT), c.defaultValue());
        Matcher precise = FRACTIONAL.matcher(type);
        if ("current_timestamp()".equals(defaultValue) && precise.matches()) {
            // now() on a datetime(6) is stored as current_timestamp(6).
            defaultValue = "current_timestamp(" + precise.group(1) + ")";
        }
        return new Column(
                c.name(), type, c.nullable(), defaultValue, c.identity(), c.generatedAs(), c.comment(), c.virtual());
    }

    static String type(String type) {
        String trimmed = type.strip();
        Matcher enumType = ENUM.matcher(trimmed);
        if (enumType.matches()) {
            // The labels keep their case; only the spacing MariaDB drops goes.
            return "enum(" + enumType.group(1).strip().replaceAll("'\\s*,\\s*'", "','") + ")";
        }
        String lower = trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = TYPE.matcher(lower);
        if (!m.matches()) {
            // A column definition of the entity's own ("varchar(26) default 'It''s'"): as written.
            return trimmed;
        }
        String base = m.group(1).strip();
        String length = m.group(2);
        String scale = m.group(3);
        if (length == null) {
            return BARE.getOrDefault(base, lower);
        }
        return switch (base) {
            case "float" -> Integer.parseInt(length) > 24 ? "double" : "float";
            case "time", "datetime", "timestamp" -> length.equals("0") ? base : base + "(" + length + ")";
            case "numeric", "decimal" -> "decimal(" + length + "," + (scale == null ? "0" : scale) + ")";
            case "character varying" -> "varchar(" + length + ")";
            case "character" -> "char(" + length + ")";
            default -> lower.replace(" (", "(").replace(", ", ",");
        };
    }
}
