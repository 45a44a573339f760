package dev.autogen.internal.dialect.postgres;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites a PostgreSQL type name, as Hibernate or a person writes it, the way {@code format_type} prints it. */
public final class PostgresTypes {

    private static final Pattern TYPE = Pattern.compile(
            "(?<base>[a-z_][a-z0-9_ ]*?)\\s*(?:\\((?<args>[^)]*)\\))?(?<zone>\\s+with(?:out)?\\s+time\\s+zone)?"
                    + "(?<array>(?:\\s*\\[\\s*\\d*\\s*\\])*|\\s+array)");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("varchar", "character varying"),
            Map.entry("char", "character"),
            Map.entry("bpchar", "character"),
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("bool", "boolean"),
            Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("varbit", "bit varying"));

    /** The pseudo-types that make a serial column, and the integer type the column gets. */
    private static final Map<String, String> SERIALS = Map.of(
            "serial", "integer",
            "serial4", "integer",
            "bigserial", "bigint",
            "serial8", "bigint",
            "smallserial", "smallint",
            "serial2", "smallint");

    private PostgresTypes() {}

    /** The integer type of a column written {@code serial}, {@code bigserial} or {@code smallserial}, if it is one. */
    public static Optional<String> serialBase(String type) {
        return Optional.ofNullable(SERIALS.get(type.strip().toLowerCase(Locale.ROOT)));
    }

    /** How a serial column of {@code type} is written: {@code serial} for {@code integer}, and so on. */
    public static String serialSpelling(String type) {
        return switch (canonical(type)) {
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> "serial";
        };
    }

    /**
     * The canonical spelling of {@code type}; a name it does not know is only lower-cased and trimmed, and
     * never inside quotes: an entity's column definition may carry a default, a check or a collation whose
     * literals and quoted names must reach the database as written.
     */
    public static String canonical(String type) {
        String text = type.strip();
        if (text.startsWith("\"")) {
            return text.replaceAll("\\s+", " ");
        }
        text = lowerOutsideQuotes(text);
        Matcher m = TYPE.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String base =
                ALIASES.getOrDefault(m.group("base").strip(), m.group("base").strip());
        String args = m.group("args") == null ? null : m.group("args").replace(" ", "");
        String zone = m.group("zone") == null ? null : m.group("zone").strip();
        String array = m.group("array").isBlank() ? "" : "[]".repeat(Math.max(1, countArrays(m.group("array"))));
        return spell(base, args, zone) + array;
    }

    /** Lower case outside quotes ({@code '...'} and {@code "..."}), runs of blanks there collapsed, quoted text kept as it is. */
    static String lowerOutsideQuotes(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (char c : text.strip().toCharArray()) {
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static int countArrays(String suffix) {
        return suffix.strip().equals("array")
                ? 1
                : (int) suffix.chars().filter(c -> c == '[').count();
    }

    private static String spell(String base, String args, String zone) {
        switch (base) {
            case "float":
            case "double precision":
                if (base.equals("float") && args != null && !args.isEmpty() && Integer.parseInt(args) <= 24) {
                    return "real";
                }
                return "double precision";
            case "character":
                return "character(" + (args == null ? "1" : args) + ")";
            case "numeric":
                if (args != null && !args.contains(",")) {
                    return "numeric(" + args + ",0)";
                }
                return withArgs(base, args);
            case "timestamp with time zone":
            case "time with time zone":
                return withArgs(base.substring(0, base.indexOf(' ')), args) + " with time zone";
            case "timestamp":
            case "time":
                return withArgs(base, args) + (zone == null ? " without time zone" : " " + zone);
            default:
                return withArgs(base, args);
        }
    }

    private static String withArgs(String base, String args) {
        return args == null ? base : base + "(" + args + ")";
    }
}
