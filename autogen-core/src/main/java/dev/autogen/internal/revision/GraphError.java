package dev.autogen.internal.revision;

import dev.autogen.api.ErrorCode;
import java.util.List;

/** What is wrong with a revision graph or a target, as data. */
public sealed interface GraphError {

    ErrorCode code();

    /** What went wrong, naming the revisions. */
    String message();

    /** How to fix it. */
    String hint();

    record MultipleHeads(List<String> heads) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.MULTIPLE_HEADS;
        }

        public String message() {
            return "there are " + heads.size() + " heads: " + String.join(", ", heads);
        }

        public String hint() {
            return "name one of them, use 'heads' for all, a branch label (label@head), or merge them with 'merge'";
        }
    }

    record UnknownRevision(String target) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.UNKNOWN_REVISION;
        }

        public String message() {
            return "no revision matches '" + target + "'";
        }

        public String hint() {
            return "'history' lists the revisions; targets are head, heads, base, an id or prefix, label@head, +N, -N";
        }
    }

    record AmbiguousRevision(String prefix, List<String> matches) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.AMBIGUOUS_REVISION;
        }

        public String message() {
            return "'" + prefix + "' matches " + matches.size() + " revisions: " + String.join(", ", matches);
        }

        public String hint() {
            return "give more characters of the id";
        }
    }

    record Cycle(List<String> path) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.REVISION_CYCLE;
        }

        public String message() {
            return "the revisions form a cycle: " + String.join(" -> ", path);
        }

        public String hint() {
            return "fix the 'revises' of one of these migrations";
        }
    }

    record DuplicateId(String id, List<String> origins) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.DUPLICATE_REVISION;
        }

        public String message() {
            return "revision id " + id + " is used by " + String.join(" and ", origins);
        }

        public String hint() {
            return "give one of them a new id";
        }
    }

    record MissingParent(String revision, String parent) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.MISSING_PARENT;
        }

        public String message() {
            return "revision " + revision + " revises or depends on " + parent + ", which does not exist";
        }

        public String hint() {
            return "restore the missing migration or fix the revision it names";
        }
    }

    record BadTarget(String target, String reason) implements GraphError {
        public ErrorCode code() {
            return ErrorCode.BAD_TARGET;
        }

        public String message() {
            return "cannot go to '" + target + "': " + reason;
        }

        public String hint() {
            return "name the revision to go to";
        }
    }
}
