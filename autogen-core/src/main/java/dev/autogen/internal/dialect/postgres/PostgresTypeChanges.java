package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.operations.TypeChanges;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of PostgreSQL's type changes keep every value: a wider number or string, more fractional digits
 * or precision, a date or timestamp moved to a type that holds more. Anything else may lose or alter a
 * value, and the generated code says so (the change itself fails rather than lose one: see the dialect).
 */
final class PostgresTypeChanges implements TypeChanges {

    private static final Pattern TYPE =
            Pattern.compile("([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?");

    /** Integer types by how many decimal digits they hold at most, for numeric(p,0) targets. */
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    /** Whose every value {@code text} holds, and gives back on the way back. */
    private static final Set<String> TEXTUAL = Set.of(
            "smallint",
            "integer",
            "bigint",
            "numeric",
            "boolean",
            "date",
            "uuid",
            "character varying",
            "character",
            "text",
            "real",
            "double precision");

    @Override
    public boolean keepsEveryValue(String from, String to) {
        if (from.equals(to) || largeObject(from, to)) {
            return true;
        }
        if (from.endsWith("[]") || to.endsWith("[]")) {
            return from.endsWith("[]")
                    && to.endsWith("[]")
                    && keepsEveryValue(from.substring(0, from.length() - 2), to.substring(0, to.length() - 2));
        }
        Matcher a = TYPE.matcher(from);
        Matcher b = TYPE.matcher(to);
        if (!a.matches() || !b.matches()) {
            return false;
        }
        String fromBase = a.group(1) + (a.group(4) == null ? "" : a.group(4));
        String toBase = b.group(1) + (b.group(4) == null ? "" : b.group(4));
        Long fromSize = size(a.group(2));
        Long toSize = size(b.group(2));
        long fromScale = a.group(3) == null ? 0 : Long.parseLong(a.group(3));
        long toScale = b.group(3) == null ? 0 : Long.parseLong(b.group(3));

        if (toBase.equals("text") || (toBase.equals("character varying") && toSize == null)) {
            return TEXTUAL.contains(a.group(1).strip());
        }
        if (isCharacter(fromBase) && isCharacter(toBase)) {
            return toSize == null || (fromSize != null && toSize >= fromSize);
        }
        if (INTEGERS.contains(fromBase)) {
            if (INTEGERS.contains(toBase)) {
                return INTEGERS.indexOf(toBase) >= INTEGERS.indexOf(fromBase);
            }
            if (toBase.equals("numeric")) {
                return toSize == null || toSize - toScale >= INTEGER_DIGITS.get(fromBase);
            }
            // A double holds integers up to 2^53 exactly, a real up to 2^24.
            return toBase.equals("double precision") && !fromBase.equals("bigint")
                    || toBase.equals("real") && fromBase.equals("smallint");
        }
        if (fromBase.equals("numeric") && toBase.equals("numeric")) {
            return toSize == null
                    || (fromSize != null && toScale >= fromScale && toSize - toScale >= fromSize - fromScale);
        }
        if (fromBase.equals("real")) {
            return toBase.equals("double precision");
        }
        if (isTimestamp(fromBase) && isTimestamp(toBase) || isTime(fromBase) && isTime(toBase)) {
            // Between with and without time zone the value is converted at the zone the generated code names.
            return (toSize == null ? 6 : toSize) >= (fromSize == null ? 6 : fromSize);
        }
        if (fromBase.equals("date")) {
            return isTimestamp(toBase);
        }
        if (fromBase.equals("bit") || fromBase.equals("bit varying")) {
            return toBase.equals("bit varying") && (toSize == null || fromSize != null && toSize >= fromSize);
        }
        return false;
    }

    /** An {@code oid} of a large object to its contents, or back: the dialect moves the contents, not the ids. */
    static boolean largeObject(String from, String to) {
        return from.equals("oid") && (to.equals("text") || to.equals("bytea"))
                || to.equals("oid") && (from.equals("text") || from.equals("bytea"));
    }

    @Override
    public String conversionNote(String from, String to) {
        if (from.equals("oid") && !to.equals("oid")) {
            return "the column held large objects: their contents become the values, and the objects are unlinked";
        }
        if (to.equals("oid") && !from.equals("oid")) {
            return "each value becomes a new large object, and the column holds its id";
        }
        boolean fromZoned = from.contains("with time zone");
        boolean toZoned = to.contains("with time zone");
        if (from.startsWith("timestamp") && to.startsWith("timestamp") && fromZoned != toZoned) {
            return (toZoned ? "values without a zone are read as " : "values are written as wall times in ")
                    + PostgresSql.CONVERSION_ZONE
                    + ", whatever the server's or the machine's zone; for another zone give alterColumn a conversion,"
                    + " such as \"<column> at time zone 'Europe/Paris'\"";
        }
        return null;
    }

    private static Long size(String text) {
        return text == null ? null : Long.parseLong(text);
    }

    private static boolean isCharacter(String base) {
        return base.equals("character varying") || base.equals("character");
    }

    private static boolean isTimestamp(String base) {
        return base.startsWith("timestamp");
    }

    private static boolean isTime(String base) {
        return base.startsWith("time ");
    }
}
