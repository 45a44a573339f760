package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.operations.TypeChanges;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of MariaDB's type changes keep every value: a longer string, a wider integer, more digits on
 * both sides of a decimal point. Anything else may not, and the strict session then fails the change
 * rather than cut a value.
 */
final class MariaDbTypeChanges implements TypeChanges {

    /**
     * Whether {@code to} is the enum {@code from} with labels added at its end: every value keeps its label
     * and its place, and MariaDB changes it in place (INSTANT).
     */
    static boolean labelsAppended(String from, String to) {
        return from.startsWith("enum(")
                && to.startsWith("enum(")
                && from.endsWith(")")
                && to.startsWith(from.substring(0, from.length() - 1) + ",");
    }

    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final Pattern SIZED = Pattern.compile("(\\w+)\\((\\d+)(?:,(\\d+))?\\)");

    @Override
    public boolean keepsEveryValue(String from, String to) {
        if (from.equals(to) || labelsAppended(from, to)) {
            return true;
        }
        Matcher a = SIZED.matcher(from);
        Matcher b = SIZED.matcher(to);
        if (!a.matches() || !b.matches()) {
            return false;
        }
        String fromBase = a.group(1);
        String toBase = b.group(1);
        if (INTEGERS.contains(fromBase) && INTEGERS.contains(toBase)) {
            return INTEGERS.indexOf(toBase) >= INTEGERS.indexOf(fromBase);
        }
        if (!fromBase.equals(toBase)) {
            return fromBase.equals("char")
                    && toBase.equals("varchar")
                    && Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
        }
        if (fromBase.equals("decimal")) {
            int fromScale = Integer.parseInt(a.group(3));
            int toScale = Integer.parseInt(b.group(3));
            return toScale >= fromScale
                    && Integer.parseInt(b.group(2)) - toScale >= Integer.parseInt(a.group(2)) - fromScale;
        }
        return List.of("varchar", "char", "varbinary", "binary").contains(fromBase)
                && Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
    }
}
