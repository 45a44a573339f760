package dev.autogen.internal.schema;

import java.util.Objects;

/** A schema-qualified name of a table, sequence or type. */
public record QualifiedName(String schema, String name) implements java.io.Serializable, Comparable<QualifiedName> {

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        int bySchema = schema.compareTo(other.schema);
        return bySchema != 0 ? bySchema : name.compareTo(other.name);
    }

    // equals and hashCode written out (the record's would give the same values): every map and sort of
    // tables calls them, and the record's generated ones run through method handles, which the C1 compiler
    // a short command runs with compiles poorly.
    @Override
    public boolean equals(Object other) {
        return other instanceof QualifiedName that && schema.equals(that.schema) && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
