package dev.autogen.api;

import java.util.List;

/**
 * One migration applied or undone.
 *
 * @param outsideTransaction the statements that had to run outside the step's transaction
 */
public record StepResult(
        String revision,
        String message,
        Direction direction,
        long durationMillis,
        int statements,
        List<String> outsideTransaction) {

    public StepResult {
        outsideTransaction = List.copyOf(outsideTransaction);
    }
}
