package dev.autogen.canonical;

import java.util.Set;
import java.util.regex.Pattern;

/** Quoting of PostgreSQL identifiers, the way {@code quote_ident} does it. */
public final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final int MAX_NAME_BYTES = 63;

    /** PostgreSQL's reserved, column-name and type/function-name keywords: all but the unreserved ones. */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
            "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
            "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
            "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg",
            "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral", "leading",
            "least", "left", "like", "limit", "localtime", "localtimestamp", "merge_action", "national",
            "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset",
            "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
            "precision", "primary", "real", "references", "returning", "right", "row", "select",
            "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user",
            "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true",
            "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where",
            "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
            "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private Identifiers() {}

    /** The identifier as SQL must spell it: bare when PostgreSQL would leave it bare, quoted otherwise. */
    public static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL keeps the first 63 bytes of a longer name, cut at a character boundary, and so must we. */
    public static String truncate(String name) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_NAME_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    /** A string literal, with embedded quotes doubled. */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
