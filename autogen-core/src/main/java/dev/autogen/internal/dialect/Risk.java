package dev.autogen.internal.dialect;

import java.util.Objects;

/**
 * What an operation risks on a table that has rows and traffic: the lock it takes while it works, and
 * what that means for the application.
 *
 * @param rule the lint rule it falls under (documented in the README), for accepting it by name
 * @param lock the lock the operation takes on the table
 * @param what what it does under that lock, and the safer way where there is one
 */
public record Risk(String rule, String lock, String what) {

    public Risk {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(what, "what");
    }

    /** The remark the generated code carries, and {@code lint} prints. */
    public String remark() {
        return "Risk (" + rule + "): takes " + lock + " on the table and " + what + ".";
    }
}
