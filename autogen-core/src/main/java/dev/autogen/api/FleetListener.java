package dev.autogen.api;

/** Hears a fleet run as it goes: each target as it ends, with the run's progress then. Called from any thread. */
public interface FleetListener {

    /** Nobody listening. */
    FleetListener NONE = new FleetListener() {};

    /** A target has ended (done, failed or skipped); {@code progress} counts it. */
    default void ended(TargetOutcome outcome, FleetProgress progress) {}
}
