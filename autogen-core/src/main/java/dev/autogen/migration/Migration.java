package dev.autogen.migration;

/**
 * A migration: the changes of one revision, and how to undo them. Annotate the class with {@link Revision}
 * and give it a public no-argument constructor.
 */
public interface Migration {

    void upgrade(Operations op);

    /**
     * Undoes {@link #upgrade}. Unless overridden: the reverse of each of its calls, last first (a dropped
     * table comes back from the definition the drop names; {@code execute(sql, reverseSql)} runs
     * {@code reverseSql}). Override it where that is not the way back.
     */
    default void downgrade(Operations op) {
        op.undo(this);
    }
}
