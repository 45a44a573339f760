package dev.autogen.internal.autogenerate;

import dev.autogen.internal.operations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a comparison found: the operations, and what is said of each (why a rename, how values convert). */
public record Differences(List<Operation> operations, Map<Operation, List<String>> notes) {

    /** Two operations' remarks, in order: what merges the remarks said of one operation. */
    static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
