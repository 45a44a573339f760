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
 * @param notNullConstraint the name of the column's NOT NULL constraint where one was given (PostgreSQL 18
 *     names them); {@code null} for a nullable column, or one whose constraint bears the name the database
 *     makes up, which is no difference from another
 */
public record Column(
        String name,
        String type,
        boolean nullable,
        String defaultValue,
        Identity identity,
        String generatedAs,
        String comment,
        boolean virtual,
        String notNullConstraint)
        implements java.io.Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
        virtual = virtual && generatedAs != null;
        notNullConstraint = nullable ? null : notNullConstraint;
    }

    /** A column whose NOT NULL constraint, if any, bears the name the database makes up. */
    public Column(
            String name,
            String type,
            boolean nullable,
            String defaultValue,
            Identity identity,
            String generatedAs,
            String comment,
            boolean virtual) {
        this(name, type, nullable, defaultValue, identity, generatedAs, comment, virtual, null);
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
        return new Column(
                name, newType, nullable, defaultValue, identity, generatedAs, comment, virtual, notNullConstraint);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(
                name, type, newNullable, defaultValue, identity, generatedAs, comment, virtual, notNullConstraint);
    }

    public Column withDefaultValue(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, generatedAs, comment, virtual, notNullConstraint);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(
                name, type, nullable, defaultValue, newIdentity, generatedAs, comment, virtual, notNullConstraint);
    }

    public Column withGeneratedAs(String expression) {
        return new Column(
                name, type, nullable, defaultValue, identity, expression, comment, virtual, notNullConstraint);
    }

    public Column withComment(String newComment) {
        return new Column(
                name, type, nullable, defaultValue, identity, generatedAs, newComment, virtual, notNullConstraint);
    }

    /** Generated as {@code expression}, computed when read ({@code virtual}) or stored when written. */
    public Column withGenerated(String expression, boolean asVirtual) {
        return new Column(
                name, type, nullable, defaultValue, identity, expression, comment, asVirtual, notNullConstraint);
    }

    public Column withName(String newName) {
        return new Column(
                newName, type, nullable, defaultValue, identity, generatedAs, comment, virtual, notNullConstraint);
    }

    /** NOT NULL through a constraint of this name; {@code null} for the name the database makes up. */
    public Column withNotNullConstraint(String constraint) {
        return new Column(name, type, false, defaultValue, identity, generatedAs, comment, virtual, constraint);
    }
}
