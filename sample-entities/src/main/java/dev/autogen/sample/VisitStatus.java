package dev.autogen.sample;

/** Stored as the PostgreSQL enum type {@code visitstatus}. */
public enum VisitStatus {
    BOOKED,
    CHECKED_IN,
    DONE,
    CANCELLED
}
