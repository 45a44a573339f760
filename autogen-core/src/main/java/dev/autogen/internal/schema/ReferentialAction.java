package dev.autogen.internal.schema;

/** What a foreign key does when the row it points at is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION("no action"),
    RESTRICT("restrict"),
    CASCADE("cascade"),
    SET_NULL("set null"),
    SET_DEFAULT("set default");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as SQL spells it after {@code ON DELETE}. */
    public String sql() {
        return sql;
    }
}
