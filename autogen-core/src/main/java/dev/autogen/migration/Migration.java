package dev.autogen.migration;

/** A migration: the changes of one revision, and how to undo them. Annotated with {@link Revision}. */
public interface Migration {

    void upgrade(Operations op);

    void downgrade(Operations op);
}
