package dev.autogen;

/** What went wrong, as a stable code that scripts and tests can rely on. */
public enum ErrorCode {
    CLASSPATH_ENTRY_MISSING,
    NO_ENTITIES,
    MAPPING_REJECTED,
    NAMING_STRATEGY_INVALID,
    DATABASE_UNREACHABLE,
    AUTHENTICATION_FAILED,
    DATABASE_MISSING,
    SCHEMA_MISSING,
    DATABASE_ERROR
}
