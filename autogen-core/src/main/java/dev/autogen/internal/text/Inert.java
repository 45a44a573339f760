package dev.autogen.internal.text;

import dev.autogen.api.TerminalText;

/**
 * Text from users and entities (names, messages, expressions) made harmless where it is printed into
 * code or scripts: it can never end the comment it stands in, nor become code.
 */
public final class Inert {

    private Inert() {}

    /**
     * For a line comment ({@code //} in Java, {@code --} in SQL): line breaks and other control or
     * invisible characters are shown as escapes, and backslashes doubled, since {@code javac} reads
     * {@code \}{@code u000a} as a line break even inside a comment.
     */
    public static String lineComment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (visible(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append("\\x{").append(Integer.toHexString(c)).append('}');
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * For Javadoc: as {@link #lineComment}, and with the characters that could end the comment, start a
     * tag or read as HTML written as entities.
     */
    public static String javadoc(String text) {
        return lineComment(text)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("/*", "&#47;*")
                .replace("@", "&#64;")
                .replace("{", "&#123;")
                .replace("}", "&#125;");
    }

    /** For a terminal: see {@link TerminalText}. */
    public static String terminal(String text) {
        return TerminalText.of(text);
    }

    private static boolean visible(int c) {
        return TerminalText.visible(c);
    }
}
