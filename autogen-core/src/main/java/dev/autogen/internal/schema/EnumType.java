package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type; label order is significant.
 *
 * @param varcharCasts whether {@code varchar} converts to and from it implicitly ({@code create cast ... with
 *     inout as implicit}, as Hibernate creates for a named enum), so that plain strings can be bound to it
 */
public record EnumType(QualifiedName name, List<String> labels, boolean varcharCasts) implements java.io.Serializable {

    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }

    public EnumType(QualifiedName name, List<String> labels) {
        this(name, labels, false);
    }
}
