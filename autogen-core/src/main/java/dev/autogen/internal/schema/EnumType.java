package dev.autogen.internal.schema;

import java.util.List;
import java.util.Objects;

/** A PostgreSQL enum type; label order is significant. */
public record EnumType(QualifiedName name, List<String> labels) {

    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }
}
