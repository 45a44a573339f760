package dev.autogen.internal.runner;

/**
 * How far a migration's run has committed: its mark in the history table ({@code null} until a statement
 * that runs alone commits what came before), and the first statement not yet committed. A run moves it
 * forward; a new try, or the next command after a crash, takes the migration up from it.
 */
record Cursor(Long mark, int committed) {

    static final Cursor START = new Cursor(null, 0);

    /** Everything before {@code index} is committed. */
    Cursor committedTo(int index) {
        return new Cursor(mark, index);
    }

    /** The mark the history table gave this run. */
    Cursor marked(long id) {
        return new Cursor(id, committed);
    }

    /** Whether any of the migration stays committed. */
    boolean partial() {
        return mark != null && committed > 0;
    }
}
