package dev.autogen.api;

import java.util.Objects;

/**
 * The one exception autogen throws on purpose: an error code, what went wrong, naming the object at
 * fault, and a hint saying how to fix it. Its message reads {@code what (hint)}, fit for one line.
 */
public class AutogenException extends RuntimeException {

    private final ErrorCode code;
    private final String what;
    private final String hint;

    public AutogenException(ErrorCode code, String what, String hint) {
        this(code, what, hint, null);
    }

    public AutogenException(ErrorCode code, String what, String hint, Throwable cause) {
        super(hint == null ? what : what + " (" + hint + ")", cause);
        this.code = Objects.requireNonNull(code, "code");
        this.what = what;
        this.hint = hint;
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong, without the hint. */
    public String what() {
        return what;
    }

    /** How to fix it, or {@code null}. */
    public String hint() {
        return hint;
    }
}
