package dev.autogen.api;

import java.time.Duration;

/**
 * Hears what a run does, as it does it: each migration as it starts and ends, and a statement that is
 * taking long. autogen also logs the same through SLF4J (logger {@code dev.autogen}). Called on the
 * thread that runs the migrations, except {@link #stillRunning}, which comes from a timer.
 */
public interface RunListener {

    /** Nobody listening. */
    RunListener NONE = new RunListener() {};

    /** A migration starts: its revision, which way, and how many statements it runs. */
    default void started(RevisionInfo revision, Direction direction, int statements) {}

    /** A migration has been applied or undone, and recorded. */
    default void finished(StepResult step) {}

    /** A statement has been running for {@code elapsed}, and is still running. */
    default void stillRunning(RevisionInfo revision, String statement, Duration elapsed) {}

    /**
     * Another run holds the migration lock ({@code holder} says whose session, since when), and this one
     * has waited {@code waited} for it so far: heard when the wait begins, then every ten seconds.
     */
    default void waitingForLock(String holder, Duration waited) {}

    /**
     * A migration stopped at the lock timeout ({@code why}) and is tried again after {@code pause}, from
     * where it stopped: this is try number {@code attempt}.
     */
    default void retrying(RevisionInfo revision, String why, Duration pause, int attempt) {}
}
