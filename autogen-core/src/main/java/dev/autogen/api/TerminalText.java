package dev.autogen.api;

/**
 * Text from users, entities and the database made safe to print on a terminal: escape sequences and other
 * control or invisible characters are shown as {@code \x{1b}}, never sent; line breaks and tabs stay.
 * Every front end prints through it.
 */
public final class TerminalText {

    private TerminalText() {}

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\t' || visible(c)) {
                out.appendCodePoint(c);
            } else {
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
            }
        }
        return out.toString();
    }

    /** Whether a code point shows as itself: not a control, format, separator, surrogate, private or unassigned one. */
    public static boolean visible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
