package dev.autogen.internal.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tokens of a SQL expression, for {@link SqlExpressions}; and the plain lower-casing of text it cannot parse. */
final class SqlLexer {

    private SqlLexer() {}

    record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(word);
        }
    }

    enum Kind {
        STRING,
        NUMBER,
        WORD,
        QUOTED,
        SYMBOL,
        END
    }

    private static final List<String> SYMBOLS = List.of(
            "::", "<=", ">=", "<>", "!=", "||", "~~", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",",
            ".");

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = closingQuote(text, i);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, text.substring(i, end + 1)));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end))
                                || text.charAt(end) == '_'
                                || text.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end).toLowerCase(Locale.ROOT)));
                i = end;
            } else {
                int at = i;
                String symbol = SYMBOLS.stream()
                        .filter(s -> text.startsWith(s, at))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown symbol " + c));
                tokens.add(new Token(Kind.SYMBOL, symbol.equals("!=") ? "<>" : symbol));
                i += symbol.length();
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    private static int closingQuote(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated quote");
    }

    /** Lower case outside quotes, runs of blanks collapsed: the best that can be done without a parse. */
    static String fallback(String text) {
        return PostgresTypes.lowerOutsideQuotes(text);
    }
}
