package dev.autogen.internal.dialect;

import dev.autogen.internal.diff.DiffRules;
import dev.autogen.internal.schema.Schema;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * What the database has and how it stores what it is given: reading its catalog, having it print DDL,
 * asking whether it converts one type to another, and the one spelling its models are compared in.
 */
public interface Catalog {

    /** Reads the schemas in {@code scope}, in a number of catalog queries that does not grow with the tables. */
    Introspection introspect(Connection connection, IntrospectionScope scope);

    /**
     * What the schemas in {@code scope} hold that {@link #introspect} leaves out or changes (views,
     * partitioning, triggers, routines, ...), one line each: what a baseline cannot reproduce.
     */
    List<String> notReproduced(Connection connection, IntrospectionScope scope);

    /**
     * Builds {@code ddl} inside a transaction that is rolled back, in stand-in schemas ({@code schemas} maps
     * each real schema to its stand-in; the default schema's stand-in comes first in the search path), and
     * reads back what the database made of it, under the real schema names: how the database itself
     * spells the types and expressions the DDL wrote. Nothing persists, no real table is locked.
     */
    Printed print(Connection connection, List<String> ddl, Map<String, String> schemas, String defaultSchema);

    /**
     * Whether the change of a column from type {@code from} to {@code to} runs without an author's
     * conversion: the database casts between them, as it is asked, or the dialect converts them its own way.
     * {@code true} when it cannot tell, so that only a certain "no" makes an author write one.
     */
    boolean converts(Connection connection, String from, String to);

    /**
     * The model with its types in the one spelling this dialect compares by, whichever reader made it.
     * Expressions keep their text; {@link DiffRules#sameExpression} compares them.
     */
    Schema canonical(Schema schema);
}
