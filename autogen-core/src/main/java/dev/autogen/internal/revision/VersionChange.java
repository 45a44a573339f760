package dev.autogen.internal.revision;

import java.util.Set;
import java.util.TreeSet;

/** One change to the rows of the version table, which holds one row per current head. */
public sealed interface VersionChange {

    /** The heads after this change. */
    Set<String> applyTo(Set<String> heads);

    /** A new head: a first revision, or one entering a branch whose parent another head moved past. */
    record Insert(String to) implements VersionChange {
        public Set<String> applyTo(Set<String> heads) {
            Set<String> after = new TreeSet<>(heads);
            after.add(to);
            return after;
        }
    }

    /** A head leaves: down to base, or into a branch another head still holds. */
    record Delete(String from) implements VersionChange {
        public Set<String> applyTo(Set<String> heads) {
            Set<String> after = new TreeSet<>(heads);
            after.remove(from);
            return after;
        }
    }

    /** A head moves one step. */
    record Update(String from, String to) implements VersionChange {
        public Set<String> applyTo(Set<String> heads) {
            Set<String> after = new TreeSet<>(heads);
            after.remove(from);
            after.add(to);
            return after;
        }
    }
}
