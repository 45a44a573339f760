package dev.autogen.internal.dialect;

import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.operations.TypeChanges;

/**
 * How the database spells and compares what the entities and the migrations name: names, unnamed
 * constraints, types and which of their changes keep every value, and the database Hibernate is told it
 * generates for.
 */
public interface Spelling {

    /** Names as the database stores and quotes them. */
    Names names();

    /** What the differ must know: the names the database gives unnamed constraints, how it spells types. */
    DiffRules diffRules();

    /** Which type changes keep every value. */
    TypeChanges typeChanges();

    /** The name and version Hibernate is told it generates the schema for. */
    String hibernateDatabaseName();

    String hibernateDatabaseVersion();
}
