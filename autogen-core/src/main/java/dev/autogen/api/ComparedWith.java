package dev.autogen.api;

/** What autogenerate compared the entities with. */
public enum ComparedWith {
    /** The database at the revision the new one follows, as its catalog has it. */
    DATABASE("the database"),
    /** The schema the migrations build, replayed in memory (no database). */
    HISTORY_IN_MEMORY("the history, replayed in memory"),
    /** The schema the migrations build, run on a throw-away database (SQL or Java steps only it can run). */
    HISTORY_ON_SCRATCH("the history, run on a throw-away database");

    private final String words;

    ComparedWith(String words) {
        this.words = words;
    }

    /** As a sentence says it: "the database". */
    public String words() {
        return words;
    }
}
