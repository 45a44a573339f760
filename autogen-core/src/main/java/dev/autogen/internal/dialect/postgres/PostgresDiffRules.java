package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the differ must know of PostgreSQL. The names it chooses for unnamed constraints ({@code owner_pkey}, {@code owner_email_key},
 * {@code visit_animal_id_fkey}, {@code product_price_check}), as {@code ChooseConstraintName} and
 * {@code makeObjectName} do: parts shortened until the name fits, then a number added on a clash.
 */
final class PostgresDiffRules implements DiffRules {

    private final Map<String, String> canonical = new ConcurrentHashMap<>();

    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([a-z_][a-z0-9_$]*)");

    @Override
    public String constraintName(Table table, Constraint constraint, Set<String> taken) {
        String tableName = table.name().name();
        if (constraint instanceof PrimaryKey) {
            return choose(tableName, null, "pkey", taken);
        } else if (constraint instanceof ForeignKey key) {
            return choose(tableName, String.join("_", key.columns()), "fkey", taken);
        } else if (constraint instanceof CheckConstraint check) {
            return choose(tableName, singleColumn(table, check), "check", taken);
        }
        return choose(tableName, String.join("_", constraint.columns()), "key", taken);
    }

    /**
     * Compared as {@link SqlExpressions} prints them: the same expression spelt two ways, or with the operands
     * of its {@code and}s in another order, reads the same.
     */
    @Override
    public boolean sameExpression(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || canonical(a).equals(canonical(b));
    }

    private String canonical(String expression) {
        return canonical.computeIfAbsent(expression, SqlExpressions::comparable);
    }

    /** {@code format_type} spells a type bare when it is on the search path, else schema-qualified; quoted as needed. */
    @Override
    public boolean isOfType(String columnType, QualifiedName type) {
        return columnType.equals(PostgresNames.quote(type.name()))
                || columnType.equals(PostgresNames.quote(type.schema()) + "." + PostgresNames.quote(type.name()));
    }

    /** PostgreSQL names a check after its column when it mentions exactly one. */
    private static String singleColumn(Table table, CheckConstraint check) {
        Set<String> mentioned = new HashSet<>();
        Matcher m = WORD.matcher(SqlExpressions.canonical(check.expression()).replaceAll("'(?:[^']|'')*'", "''"));
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
            table.columns().stream().map(Column::name).filter(word::equals).forEach(mentioned::add);
        }
        return mentioned.size() == 1 ? mentioned.iterator().next() : null;
    }

    private static String choose(String name1, String name2, String label, Set<String> taken) {
        for (int pass = 0; ; pass++) {
            String candidate = objectName(name1, name2, pass == 0 ? label : label + pass);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * PostgreSQL's {@code makeObjectName}: shorten the longer part, a byte at a time, until the whole fits
     * in 63 bytes, then cut each part back to a character boundary.
     */
    static String objectName(String name1, String name2, String label) {
        int available = PostgresNames.MAX_NAME_BYTES - label.length() - 1 - (name2 == null ? 0 : 1);
        byte[] bytes1 = name1.getBytes(StandardCharsets.UTF_8);
        byte[] bytes2 = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int length1 = bytes1.length;
        int length2 = bytes2.length;
        while (length1 + length2 > available) {
            if (length1 > length2) {
                length1--;
            } else {
                length2--;
            }
        }
        String part1 = PostgresNames.clip(name1, length1);
        return part1 + (name2 == null ? "" : "_" + PostgresNames.clip(name2, length2)) + "_" + label;
    }

    @Override
    public boolean renamesInPlace(Constraint constraint) {
        return true;
    }
}
