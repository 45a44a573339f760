package dev.autogen.internal.autogenerate;

import dev.autogen.api.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Times the stages of one command, in order. */
public final class Stages {

    private final List<Stage> stages = new ArrayList<>();

    public <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        stages.add(new Stage(name, (System.nanoTime() - start) / 1_000_000, ""));
        return result;
    }

    /** Adds a stage timed elsewhere (on another thread). */
    public void add(String name, long millis, String detail) {
        stages.add(new Stage(name, millis, detail));
    }

    /** Adds a detail to the stage just timed. */
    public void note(String detail) {
        Stage last = stages.remove(stages.size() - 1);
        stages.add(new Stage(last.name(), last.millis(), detail));
    }

    public List<Stage> list() {
        return List.copyOf(stages);
    }
}
