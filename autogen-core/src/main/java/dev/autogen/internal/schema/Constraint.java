package dev.autogen.internal.schema;

import java.util.List;

/** A table constraint; {@code name} is {@code null} when the database names it. */
public sealed interface Constraint extends java.io.Serializable
        permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {

    String name();

    /** The same constraint under another name. */
    Constraint withName(String newName);

    /** The columns it constrains, in order; empty for a check constraint. */
    List<String> columns();
}
