package dev.autogen.internal.schema;

import java.util.Objects;

/**
 * A table column.
 *
 * @param type canonical type, spelled as PostgreSQL's {@code format_type} spells it
 *     ({@code character varying(255)}, {@code timestamp(6) with time zone}, {@code numeric(12,2)})
 * @param defaultValue canonical default expression, or {@code null}
 * @param generatedAs expression of a stored generated column, or {@code null}
 * @param comment column comment, or {@code null}
 */
public record Column(
        String name,
        String type,
        boolean nullable,
        String defaultValue,
        Identity identity,
        String generatedAs,
        String comment)
        implements java.io.Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
    }

    /** A plain nullable or not-null column with no default, identity or comment. */
    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE, null, null);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, defaultValue, identity, generatedAs, comment);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultValue, identity, generatedAs, comment);
    }

    public Column withDefaultValue(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, generatedAs, comment);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultValue, newIdentity, generatedAs, comment);
    }

    public Column withGeneratedAs(String expression) {
        return new Column(name, type, nullable, defaultValue, identity, expression, comment);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultValue, identity, generatedAs, newComment);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, identity, generatedAs, comment);
    }
}
