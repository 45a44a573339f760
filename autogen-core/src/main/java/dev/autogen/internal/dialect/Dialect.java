package dev.autogen.internal.dialect;

/**
 * Everything autogen knows about one database, chosen from the JDBC URL by {@link Dialects}, in five
 * roles: holding a session ({@link Sessions}), reading its catalog ({@link Catalog}), spelling names and
 * types ({@link Spelling}), advising on changes ({@link Review}) and writing SQL ({@link SqlRendering}). A
 * class that needs one role takes that role, not the whole; a second database is a second implementation
 * of this interface, in a package of its own.
 */
public interface Dialect extends Sessions, Catalog, Spelling, Review, SqlRendering {

    /** The database's name, for messages. */
    String name();

    /**
     * This dialect for a server of {@code majorVersion}: the same in all but the version Hibernate is told
     * it generates for, which decides some of Hibernate's DDL (a generated column is virtual on PostgreSQL
     * 18). Itself when that version is its own.
     */
    Dialect atServerVersion(String majorVersion);
}
