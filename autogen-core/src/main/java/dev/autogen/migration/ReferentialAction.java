package dev.autogen.migration;

/** What a foreign key does when the row it points at is deleted, or its key updated. */
public enum ReferentialAction {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT
}
