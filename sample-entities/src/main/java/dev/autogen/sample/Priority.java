package dev.autogen.sample;

/** Stored by ordinal: the order of the constants is the stored value. */
public enum Priority {
    ROUTINE,
    URGENT,
    EMERGENCY
}
