package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the differ must know of MariaDB: the names it gives unnamed constraints (a unique key after its first
 * column, {@code <table>_ibfk_<n>} for a foreign key, {@code CONSTRAINT_<n>} for a check written apart from
 * any column), and expressions compared as it prints them, with its backticks and spacing set
 * aside.
 */
final class MariaDbDiffRules implements DiffRules {

    @Override
    public String constraintName(Table table, Constraint constraint, Set<String> taken) {
        if (constraint instanceof PrimaryKey) {
            return "PRIMARY";
        } else if (constraint instanceof ForeignKey) {
            return numbered(table.name().name() + "_ibfk_", 1, taken);
        } else if (constraint instanceof CheckConstraint) {
            // One written with a column's definition is named after it already (Names.columnCheckName).
            return numbered("CONSTRAINT_", 1, taken);
        }
        String first = constraint.columns().get(0);
        return taken.contains(first) ? numbered(first + "_", 2, taken) : first;
    }

    private static String numbered(String prefix, int from, Set<String> taken) {
        for (int n = from; ; n++) {
            if (!taken.contains(prefix + n)) {
                return prefix + n;
            }
        }
    }

    /** The one column {@code check} tests, or {@code null} when it tests none or several. */
    static String singleColumn(Table table, CheckConstraint check) {
        String text = check.expression().replace('`', ' ').toLowerCase(Locale.ROOT);
        String found = null;
        for (Column column : table.columns()) {
            if (text.matches(
                    "(?s).*\\b" + java.util.regex.Pattern.quote(column.name().toLowerCase(Locale.ROOT)) + "\\b.*")) {
                if (found != null) {
                    return null;
                }
                found = column.name();
            }
        }
        return found;
    }

    @Override
    public boolean sameExpression(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || comparable(a).equals(comparable(b));
    }

    /**
     * Without backticks, outer parentheses and the spacing MariaDB drops, in lower case outside string
     * literals, with the conditions of a top-level {@code and} in one order.
     */
    static String comparable(String expression) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
            } else if (quoted) {
                out.append(c);
            } else if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (c != '`') {
                out.append(Character.toLowerCase(c));
            }
        }
        String text = out.toString().strip().replaceAll(" ?([(),<>=!+*/-]) ?", "$1");
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1);
        }
        // "x between 1 and 2" has an "and" of its own: such an expression keeps its order.
        List<String> conditions = text.contains(" between ") ? List.of(text) : topLevelAnd(text);
        return conditions.size() < 2
                ? text
                : conditions.stream().map(MariaDbDiffRules::comparable).sorted().collect(Collectors.joining(" and "));
    }

    /** {@code text} cut at each {@code and} outside parentheses and literals. */
    private static List<String> topLevelAnd(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(" and ", i)) {
                parts.add(text.substring(start, i));
                start = i + 5;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    @Override
    public boolean isOfType(String columnType, QualifiedName type) {
        // MariaDB has no named types.
        return false;
    }

    /**
     * A unique key only, as the index it is ({@code rename index}); MariaDB has no rename for a foreign key
     * or a check, and the primary key is always {@code PRIMARY}.
     */
    @Override
    public boolean renamesInPlace(Constraint constraint) {
        return constraint instanceof UniqueConstraint;
    }
}
