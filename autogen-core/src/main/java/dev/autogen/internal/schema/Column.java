package dev.autogen.internal.schema;

import java.util.Objects;

/**
 * A table column.
 *
 * @param type canonical type, spelled as PostgreSQL's {@code format_type} spells it
 *     ({@code character varying(255)}, {@code timestamp(6) with time zone}, {@code numeric(12,2)})
 * @param defaultValue canonical default expression, or {@code null}
 * @param generatedAs expression of a generated column, or {@code null}
 * @param comment column comment, or {@code null}
 * @param virtual a generated column computed when read (PostgreSQL 18's default), not stored
 */
public record Column(
        String name,
        String type,
        boolean nullable,
        String defaultValue,
        Identity identity,
        String generatedAs,
        String comment,
        boolean virtual)
        implements java.io.Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
        virtual = virtual && generatedAs != null;
    }

    /** A column that is not a virtual generated one. */
    public Column(
            String name,
            String type,
            boolean nullable,
            String defaultValue,
            Identity identity,
            String generatedAs,
            String comment) {
        this(name, type, nullable, defaultValue, identity, generatedAs, comment, false);
    }

    /** A plain nullable or not-null column with no default, identity or comment. */
    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE, null, null);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, defaultValue, identity, generatedAs, comment, virtual);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultValue, identity, generatedAs, comment, virtual);
    }

    public Column withDefaultValue(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, generatedAs, comment, virtual);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultValue, newIdentity, generatedAs, comment, virtual);
    }

    public Column withGeneratedAs(String expression) {
        return new Column(name, type, nullable, defaultValue, identity, expression, comment, virtual);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultValue, identity, generatedAs, newComment, virtual);
    }

    /** Generated as {@code expression}, computed when read ({@code virtual}) or stored when written. */
    public Column withGenerated(String expression, boolean asVirtual) {
        return new Column(name, type, nullable, defaultValue, identity, expression, comment, asVirtual);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, identity, generatedAs, comment, virtual);
    }
}
