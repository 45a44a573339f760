package dev.autogen.api;

/** How long one stage of a command took, with what it is worth knowing about it (such as a query count). */
public record Stage(String name, long millis, String detail) {

    @Override
    public String toString() {
        return name + " " + millis + " ms" + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
