package dev.autogen.api;

/** Which way a step went. */
public enum Direction {
    UPGRADE("upgrade"),
    DOWNGRADE("downgrade"),
    STAMP("stamp");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
