package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.dialect.Names;
import dev.autogen.internal.sql.SqlIdentifiers;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** PostgreSQL's names: quoted as {@code quote_ident} does, folded to lower case, cut at 63 bytes. */
public final class PostgresNames implements Names {

    static final PostgresNames INSTANCE = new PostgresNames();

    /** NAMEDATALEN - 1: the longest name PostgreSQL keeps, in bytes. */
    static final int MAX_NAME_BYTES = 63;

    private PostgresNames() {}

    /** The identifier as SQL must spell it: bare when PostgreSQL would leave it bare, quoted otherwise. */
    public static String quote(String name) {
        return SqlIdentifiers.quote(name);
    }

    /** PostgreSQL keeps the first 63 bytes of a longer name, cut at a character boundary, and so must we. */
    public static String truncate(String name) {
        return clip(name, MAX_NAME_BYTES);
    }

    /** The longest start of {@code text} that fits in {@code maxBytes} bytes of UTF-8 without splitting a character. */
    static String clip(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
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

    @Override
    public String quoted(String name) {
        return quote(name);
    }

    @Override
    public String truncated(String name) {
        return truncate(name);
    }

    @Override
    public String fold(String unquoted) {
        return truncate(unquoted.toLowerCase(Locale.ROOT));
    }

    @Override
    public String stringLiteral(String value) {
        return literal(value);
    }
}
