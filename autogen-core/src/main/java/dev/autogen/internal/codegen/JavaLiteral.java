package dev.autogen.internal.codegen;

/**
 * A Java string literal that holds any text exactly: quotes and backslashes escaped, control characters
 * as escapes that {@code javac} reads inside the literal only, and characters a source file cannot carry
 * faithfully (a lone surrogate, an invisible format character) as Unicode escapes; after a lone
 * surrogate the literal is closed and continued ({@code "\ud800" + "..."}), still one constant. Printable text, accents
 * and all, stays as it is, so names read as they are.
 */
final class JavaLiteral {

    private JavaLiteral() {}

    static String of(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        // Octal, not backslash-u: javac reads a Unicode escape before it sees the literal.
                        out.append('\\').append(Integer.toOctalString(c));
                    } else if (Character.isSurrogate(c) && !pairedAt(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                        if (i + 1 < value.length()) {
                            // javac misreads an escape right after a lone surrogate's: the literal ends and goes on.
                            out.append("\" + \"");
                        }
                    } else if (invisible(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean pairedAt(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i))
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    private static boolean invisible(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
