package dev.autogen.internal.revision;

import dev.autogen.api.AutogenException;

/** A {@link GraphError}, thrown. */
public class RevisionGraphException extends AutogenException {

    private final GraphError error;

    public RevisionGraphException(GraphError error) {
        super(error.code(), error.message(), error.hint());
        this.error = error;
    }

    public GraphError error() {
        return error;
    }
}
