package dev.autogen.internal.dialect;

/** How a database stores and quotes names. */
public interface Names {

    /** The name as SQL must spell it: bare when the database would leave it bare, quoted otherwise. */
    String quoted(String name);

    /** The name as the database stores it: cut to the longest it keeps. */
    String truncated(String name);

    /** An unquoted name as the database stores it (folded to its case), then truncated. */
    String fold(String unquoted);

    /** A string literal, with whatever escaping the database needs. */
    String stringLiteral(String value);

    /**
     * The name the database gives an unnamed check written with a column's definition, when it names it
     * after the column (MariaDB); {@code null} when its name is the differ's to work out.
     */
    default String columnCheckName(String table, String column) {
        return null;
    }
}
