package dev.autogen.migration;

import dev.autogen.operations.Operation;
import java.util.ArrayList;
import java.util.List;

/** Collects the operations a migration makes, in order, without running them. */
public final class RecordingOperations implements Operations {

    private final List<Operation> operations = new ArrayList<>();

    @Override
    public void run(Operation operation) {
        operations.add(operation);
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** What {@code migration.upgrade} does. */
    public static List<Operation> upgrade(Migration migration) {
        RecordingOperations recorder = new RecordingOperations();
        migration.upgrade(recorder);
        return recorder.operations();
    }

    /** What {@code migration.downgrade} does. */
    public static List<Operation> downgrade(Migration migration) {
        RecordingOperations recorder = new RecordingOperations();
        migration.downgrade(recorder);
        return recorder.operations();
    }
}
