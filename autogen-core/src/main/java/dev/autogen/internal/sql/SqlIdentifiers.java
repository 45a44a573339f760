package dev.autogen.internal.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names in SQL text, as PostgreSQL and the SQL standard read them: bare names fold to lower case,
 * double-quoted ones are kept as written; string literals, comments and function names are not names.
 */
public final class SqlIdentifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL's reserved, column-name and type/function-name keywords: all but the unreserved ones. */
    private static final Set<String> KEYWORDS = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "authorization",
            "between",
            "bigint",
            "binary",
            "bit",
            "boolean",
            "both",
            "case",
            "cast",
            "char",
            "character",
            "check",
            "coalesce",
            "collate",
            "collation",
            "column",
            "concurrently",
            "constraint",
            "create",
            "cross",
            "current_catalog",
            "current_date",
            "current_role",
            "current_schema",
            "current_time",
            "current_timestamp",
            "current_user",
            "dec",
            "decimal",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "exists",
            "extract",
            "false",
            "fetch",
            "float",
            "for",
            "foreign",
            "freeze",
            "from",
            "full",
            "grant",
            "greatest",
            "group",
            "grouping",
            "having",
            "ilike",
            "in",
            "initially",
            "inner",
            "inout",
            "int",
            "integer",
            "intersect",
            "interval",
            "into",
            "is",
            "isnull",
            "join",
            "json",
            "json_array",
            "json_arrayagg",
            "json_exists",
            "json_object",
            "json_objectagg",
            "json_query",
            "json_scalar",
            "json_serialize",
            "json_table",
            "json_value",
            "lateral",
            "leading",
            "least",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "merge_action",
            "national",
            "natural",
            "nchar",
            "none",
            "normalize",
            "not",
            "notnull",
            "null",
            "nullif",
            "numeric",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "out",
            "outer",
            "overlaps",
            "overlay",
            "placing",
            "position",
            "precision",
            "primary",
            "real",
            "references",
            "returning",
            "right",
            "row",
            "select",
            "session_user",
            "setof",
            "similar",
            "smallint",
            "some",
            "substring",
            "symmetric",
            "system_user",
            "table",
            "tablesample",
            "then",
            "time",
            "timestamp",
            "to",
            "trailing",
            "treat",
            "trim",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "values",
            "varchar",
            "variadic",
            "verbose",
            "when",
            "where",
            "window",
            "with",
            "xmlattributes",
            "xmlconcat",
            "xmlelement",
            "xmlexists",
            "xmlforest",
            "xmlnamespaces",
            "xmlparse",
            "xmlpi",
            "xmlroot",
            "xmlserialize",
            "xmltable");

    private SqlIdentifiers() {}

    /** The name as SQL must spell it: bare when it reads back as itself, quoted otherwise. */
    public static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code expression} with every name that means {@code from} spelt as {@code to}; all else, spacing
     * included, as it was.
     */
    public static String rename(String expression, String from, String to) {
        StringBuilder out = new StringBuilder(expression.length());
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closing(expression, i, c);
                String token = expression.substring(i, end);
                boolean names = c == '"'
                        && token.length() >= 2
                        && token.substring(1, token.length() - 1)
                                .replace("\"\"", "\"")
                                .equals(from)
                        && !calls(expression, end);
                out.append(names ? quote(to) : token);
            } else if (c == '-' && expression.startsWith("--", i)) {
                end = expression.indexOf('\n', i) < 0 ? expression.length() : expression.indexOf('\n', i);
                out.append(expression, i, end);
            } else if (c == '/' && expression.startsWith("/*", i)) {
                end = expression.indexOf("*/", i + 2) < 0 ? expression.length() : expression.indexOf("*/", i + 2) + 2;
                out.append(expression, i, end);
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(end))
                                || expression.charAt(end) == '_'
                                || expression.charAt(end) == '$')) {
                    end++;
                }
                String word = expression.substring(i, end);
                boolean names = word.toLowerCase(Locale.ROOT).equals(from)
                        && !calls(expression, end)
                        && !literalPrefix(expression, end);
                out.append(names ? quote(to) : word);
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote stays inside. */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** Whether the word ending at {@code end} is a function being called. */
    private static boolean calls(String text, int end) {
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    /** Whether the word ending at {@code end} prefixes a string ({@code E'..'}, {@code U&'..'}). */
    private static boolean literalPrefix(String text, int end) {
        return end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '&');
    }
}
