package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.dialect.Names;

/**
 * MariaDB's names: quoted in backticks, kept as written (a table name's case matters on Linux, a column's
 * does not), cut at 64 characters. String literals double their quotes and backslashes, which MariaDB reads
 * as escapes unless {@code NO_BACKSLASH_ESCAPES} is set.
 */
final class MariaDbNames implements Names {

    static final MariaDbNames INSTANCE = new MariaDbNames();

    /** The longest name MariaDB keeps, in characters. */
    static final int MAX_NAME_CHARACTERS = 64;

    private MariaDbNames() {}

    /** Always in backticks: a name never collides with one of MariaDB's many reserved words. */
    static String quote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    static String truncate(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME_CHARACTERS
                ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_CHARACTERS));
    }

    static String literal(String value) {
        return '\'' + value.replace("\\", "\\\\").replace("'", "''") + '\'';
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
        return truncate(unquoted);
    }

    @Override
    public String columnCheckName(String table, String column) {
        return column;
    }

    @Override
    public String stringLiteral(String value) {
        return literal(value);
    }
}
