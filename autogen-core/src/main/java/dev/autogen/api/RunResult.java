package dev.autogen.api;

import java.util.List;
import java.util.Set;

/** Where a run started and ended, and each step it took. */
public record RunResult(Set<String> before, Set<String> after, List<StepResult> steps) {

    public RunResult {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
        steps = List.copyOf(steps);
    }
}
