package dev.autogen.internal.dialect.postgres;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Canonical text of a SQL expression (a default, a check, an index expression or predicate).
 *
 * <p>Hibernate writes {@code status in ('A','B')}; PostgreSQL stores and prints it as
 * {@code ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))}. Both
 * canonicalise to {@code status in ('A', 'B')}. The expression is parsed, then printed with keywords and
 * bare identifiers in lower case, the fewest parentheses its precedence needs, no casts of literals or to
 * text types, {@code BETWEEN} spelt as two comparisons and {@code = ANY (ARRAY[...])} as {@code IN}.
 * Text the small parser does not understand is only lower-cased outside quotes and its spaces collapsed.
 * The result is still valid SQL with the same meaning for the column it belongs to.
 */
public final class SqlExpressions {

    private static final Set<String> VALUE_KEYWORDS = Set.of(
            "true",
            "false",
            "null",
            "current_date",
            "current_time",
            "current_timestamp",
            "localtime",
            "localtimestamp",
            "current_user",
            "current_role",
            "current_schema",
            "current_catalog",
            "session_user",
            "system_user",
            "user");

    private static final Set<String> TEXT_TYPES =
            Set.of("text", "character varying", "character", "varchar", "bpchar", "name");

    private SqlExpressions() {}

    /** The canonical text of {@code expression}, or {@code null} for {@code null}. */
    public static String canonical(String expression) {
        return expression == null ? null : printed(expression, false);
    }

    /**
     * The canonical text of {@code expression} with the operands of every chain of {@code and} (and of
     * {@code or}) in one order, for comparing two expressions only: the order they are written in means
     * nothing to PostgreSQL, and Hibernate joins a column's checks in no fixed order (Bean Validation's
     * {@code @Min} and {@code @Max} come out either way round from one run to the next).
     */
    public static String comparable(String expression) {
        return expression == null ? null : printed(expression, true);
    }

    private static String printed(String expression, boolean inOneOrder) {
        try {
            Parser parser = new Parser(SqlLexer.tokens(expression));
            Node node = parser.expression(0);
            parser.expectEnd();
            return Printer.print(normalise(node, inOneOrder));
        } catch (IllegalArgumentException unknownSyntax) {
            return SqlLexer.fallback(expression);
        }
    }

    // ---------------------------------------------------------------- syntax tree

    private sealed interface Node {}

    private record Literal(String text, boolean string) implements Node {}

    private record Name(String text) implements Node {}

    private record Call(String function, List<Node> args) implements Node {}

    private record ArrayOf(List<Node> elements) implements Node {}

    private record Unary(String op, Node operand) implements Node {}

    private record Binary(String op, Node left, Node right) implements Node {}

    private record IsNull(Node operand, boolean negated) implements Node {}

    private record InList(Node operand, List<Node> values, boolean negated) implements Node {}

    private record Cast(Node operand, String type) implements Node {}

    // ---------------------------------------------------------------- normalisation

    /**
     * The tree in canonical form; with {@code inOneOrder}, the operands of every chain of {@code and} (and of
     * {@code or}) sorted as they print.
     */
    private static Node normalise(Node node, boolean inOneOrder) {
        if (node instanceof Call c) {
            return new Call(c.function(), normaliseAll(c.args(), inOneOrder));
        } else if (node instanceof ArrayOf a) {
            return new ArrayOf(normaliseAll(a.elements(), inOneOrder));
        } else if (node instanceof Unary u) {
            return negativeNumber(u.op(), normalise(u.operand(), inOneOrder));
        } else if (node instanceof IsNull i) {
            return new IsNull(normalise(i.operand(), inOneOrder), i.negated());
        } else if (node instanceof InList in) {
            return new InList(normalise(in.operand(), inOneOrder), normaliseAll(in.values(), inOneOrder), in.negated());
        } else if (node instanceof Cast c) {
            return dropCast(normalise(c.operand(), inOneOrder), c.type());
        } else if (node instanceof Binary b && inOneOrder && (b.op().equals("and") || b.op().equals("or"))) {
            List<Node> operands = new ArrayList<>();
            operandsOf(b.op(), b, operands);
            List<Node> sorted = normaliseAll(operands, true).stream()
                    .sorted(Comparator.comparing(Printer::print))
                    .toList();
            Node chain = sorted.get(0);
            for (Node next : sorted.subList(1, sorted.size())) {
                chain = new Binary(b.op(), chain, next);
            }
            return chain;
        } else if (node instanceof Binary b) {
            return anyAsIn(b.op(), normalise(b.left(), inOneOrder), normalise(b.right(), inOneOrder));
        }
        return node;
    }

    private static void operandsOf(String op, Node node, List<Node> operands) {
        if (node instanceof Binary b && b.op().equals(op)) {
            operandsOf(op, b.left(), operands);
            operandsOf(op, b.right(), operands);
        } else {
            operands.add(node);
        }
    }

    private static List<Node> normaliseAll(List<Node> nodes, boolean inOneOrder) {
        return nodes.stream().map(n -> normalise(n, inOneOrder)).toList();
    }

    private static Node negativeNumber(String op, Node operand) {
        if (op.equals("-")
                && operand instanceof Literal l
                && !l.string()
                && !l.text().startsWith("-")) {
            return new Literal("-" + l.text(), false);
        }
        return new Unary(op, operand);
    }

    /** Casts of literals and casts to text types carry no meaning for comparison; other casts stay. */
    private static Node dropCast(Node operand, String type) {
        String canonicalType = PostgresTypes.canonical(type);
        String baseType = canonicalType.replaceAll("\\(.*", "").replace("[]", "");
        if (operand instanceof Literal l) {
            if (l.string() && isNumber(unquote(l.text())) && isNumericType(baseType)) {
                return new Literal(unquote(l.text()), false);
            }
            return l;
        }
        if (operand instanceof ArrayOf || TEXT_TYPES.contains(baseType)) {
            return operand;
        }
        return new Cast(operand, canonicalType);
    }

    private static Node anyAsIn(String op, Node left, Node right) {
        if (right instanceof Call call && call.args().size() == 1 && call.args().get(0) instanceof ArrayOf array) {
            if (op.equals("=") && call.function().equals("any")) {
                return new InList(left, array.elements(), false);
            }
            if (op.equals("<>") && call.function().equals("all")) {
                return new InList(left, array.elements(), true);
            }
        }
        return new Binary(op, left, right);
    }

    private static boolean isNumericType(String type) {
        return Set.of("integer", "bigint", "smallint", "numeric", "real", "double precision")
                .contains(type);
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    private static String unquote(String stringLiteral) {
        return stringLiteral.substring(1, stringLiteral.length() - 1).replace("''", "'");
    }

    // ---------------------------------------------------------------- parser (precedence climbing)

    private static final class Parser {

        private static final int OR = 1;
        private static final int AND = 2;
        private static final int NOT = 3;
        private static final int IS = 4;
        private static final int COMPARE = 5;
        private static final int OTHER = 6;
        private static final int ADD = 7;
        private static final int MULTIPLY = 8;
        private static final int PREFIX = 9;

        private final List<SqlLexer.Token> tokens;
        private int position;

        Parser(List<SqlLexer.Token> tokens) {
            this.tokens = tokens;
        }

        void expectEnd() {
            if (peek().kind() != SqlLexer.Kind.END) {
                throw new IllegalArgumentException("unexpected " + peek().text());
            }
        }

        Node expression(int minPrecedence) {
            Node left = prefix();
            while (true) {
                SqlLexer.Token t = peek();
                int precedence = infixPrecedence(t);
                if (precedence == 0 || precedence <= minPrecedence) {
                    return left;
                }
                left = infix(left, precedence);
            }
        }

        private Node infix(Node left, int precedence) {
            SqlLexer.Token t = next();
            if (t.is("is")) {
                boolean negated = accept("not");
                expect("null");
                return new IsNull(left, negated);
            }
            if (t.is("not")) {
                if (accept("in")) {
                    return new InList(left, list(), true);
                }
                if (accept("between")) {
                    return between(left, true);
                }
                if (accept("like")) {
                    return new Unary("not", new Binary("like", left, expression(COMPARE)));
                }
                throw new IllegalArgumentException("unsupported not");
            }
            if (t.is("in")) {
                return new InList(left, list(), false);
            }
            if (t.is("between")) {
                return between(left, false);
            }
            if (t.is("~~")) {
                return new Binary("like", left, expression(precedence));
            }
            return new Binary(t.text(), left, expression(precedence));
        }

        /** PostgreSQL stores {@code x between a and b} as {@code x >= a and x <= b}; so do we. */
        private Node between(Node operand, boolean negated) {
            Node low = expression(OTHER);
            expect("and");
            Node high = expression(OTHER);
            return negated
                    ? new Binary("or", new Binary("<", operand, low), new Binary(">", operand, high))
                    : new Binary("and", new Binary(">=", operand, low), new Binary("<=", operand, high));
        }

        private int infixPrecedence(SqlLexer.Token t) {
            if (t.kind() != SqlLexer.Kind.WORD && t.kind() != SqlLexer.Kind.SYMBOL) {
                return 0;
            }
            return switch (t.text()) {
                case "or" -> OR;
                case "and" -> AND;
                case "is" -> IS;
                case "=", "<>", "<", ">", "<=", ">=", "in", "between", "like", "~~", "not" -> COMPARE;
                case "||" -> OTHER;
                case "+", "-" -> ADD;
                case "*", "/", "%" -> MULTIPLY;
                default -> 0;
            };
        }

        private Node prefix() {
            SqlLexer.Token t = next();
            Node node;
            switch (t.kind()) {
                case STRING -> node = new Literal(t.text(), true);
                case NUMBER -> node = new Literal(t.text(), false);
                case QUOTED -> node = new Name(dotted(quotedName(t.text())));
                case WORD -> node = word(t.text());
                case SYMBOL -> node = symbol(t.text());
                default -> throw new IllegalArgumentException("unexpected end");
            }
            return postfix(node);
        }

        private Node word(String word) {
            switch (word) {
                case "not":
                    return new Unary("not", expression(NOT));
                case "array":
                    expect("[");
                    List<Node> elements = peek().is("]") ? List.of() : commaSeparated();
                    expect("]");
                    return new ArrayOf(elements);
                case "case", "select", "exists":
                    throw new IllegalArgumentException("unsupported " + word);
                default:
                    if (peek().is("(")) {
                        return new Call(word, list());
                    }
                    return new Name(dotted(bareName(word)));
            }
        }

        /**
         * A bare word spelt as PostgreSQL prints it: quoted when it is a keyword ({@code position}), except the
         * keywords that stand for values ({@code current_date}), which stay bare.
         */
        private static String bareName(String word) {
            return VALUE_KEYWORDS.contains(word) ? word : PostgresNames.quote(word);
        }

        /** The rest of a dotted name, after its first part (already spelt). */
        private String dotted(String first) {
            StringBuilder name = new StringBuilder(first);
            while (accept(".")) {
                SqlLexer.Token part = next();
                name.append('.')
                        .append(
                                part.kind() == SqlLexer.Kind.QUOTED
                                        ? quotedName(part.text())
                                        : PostgresNames.quote(part.text()));
            }
            return name.toString();
        }

        private Node symbol(String symbol) {
            switch (symbol) {
                case "(" -> {
                    Node inner = expression(0);
                    expect(")");
                    return inner;
                }
                case "-", "+" -> {
                    Node operand = expression(PREFIX);
                    return symbol.equals("-") ? new Unary("-", operand) : operand;
                }
                default -> throw new IllegalArgumentException("unexpected " + symbol);
            }
        }

        private Node postfix(Node node) {
            while (accept("::")) {
                StringBuilder type = new StringBuilder(next().text());
                while (peek().kind() == SqlLexer.Kind.WORD && !isInfixWord(peek().text())) {
                    type.append(' ').append(next().text());
                }
                if (accept("(")) {
                    type.append('(');
                    while (!peek().is(")")) {
                        type.append(next().text());
                    }
                    expect(")");
                    type.append(')');
                }
                while (accept("[")) {
                    expect("]");
                    type.append("[]");
                }
                node = new Cast(node, type.toString());
            }
            return node;
        }

        private static boolean isInfixWord(String word) {
            return Set.of("and", "or", "is", "in", "not", "between", "like").contains(word);
        }

        /** A quoted identifier, printed bare when PostgreSQL would print it bare. */
        private static String quotedName(String quoted) {
            return PostgresNames.quote(quoted.substring(1, quoted.length() - 1).replace("\"\"", "\""));
        }

        private List<Node> list() {
            expect("(");
            List<Node> items = peek().is(")") ? List.of() : commaSeparated();
            expect(")");
            return items;
        }

        private List<Node> commaSeparated() {
            List<Node> items = new ArrayList<>();
            do {
                items.add(expression(0));
            } while (accept(","));
            return items;
        }

        private SqlLexer.Token peek() {
            return tokens.get(position);
        }

        private SqlLexer.Token next() {
            SqlLexer.Token t = tokens.get(position);
            if (t.kind() != SqlLexer.Kind.END) {
                position++;
            }
            return t;
        }

        private boolean accept(String text) {
            if (peek().is(text)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String text) {
            if (!accept(text)) {
                throw new IllegalArgumentException("expected " + text);
            }
        }
    }

    // ---------------------------------------------------------------- printer

    private static final class Printer {

        static String print(Node node) {
            StringBuilder out = new StringBuilder();
            print(node, 0, out);
            return out.toString();
        }

        private static int precedence(Node node) {
            if (node instanceof Binary b) {
                switch (b.op()) {
                    case "or":
                        return 1;
                    case "and":
                        return 2;
                    case "=", "<>", "<", ">", "<=", ">=", "like":
                        return 5;
                    case "+", "-":
                        return 7;
                    case "*", "/", "%":
                        return 8;
                    default:
                        return 6;
                }
            } else if (node instanceof Unary u) {
                return u.op().equals("not") ? 3 : 9;
            } else if (node instanceof IsNull) {
                return 4;
            } else if (node instanceof InList) {
                return 5;
            } else if (node instanceof Cast) {
                return 11;
            }
            return 12;
        }

        private static void print(Node node, int context, StringBuilder out) {
            boolean parens = precedence(node) < context;
            if (parens) {
                out.append('(');
            }
            if (node instanceof Literal l) {
                out.append(l.text());
            } else if (node instanceof Name n) {
                out.append(n.text());
            } else if (node instanceof Call c) {
                out.append(c.function()).append('(');
                join(c.args(), out);
                out.append(')');
            } else if (node instanceof ArrayOf a) {
                out.append("array[");
                join(a.elements(), out);
                out.append(']');
            } else if (node instanceof Unary u) {
                out.append(u.op().equals("not") ? "not " : u.op());
                print(u.operand(), precedence(u), out);
            } else if (node instanceof IsNull i) {
                print(i.operand(), 5, out);
                out.append(i.negated() ? " is not null" : " is null");
            } else if (node instanceof InList in) {
                print(in.operand(), 6, out);
                out.append(in.negated() ? " not in (" : " in (");
                join(in.values(), out);
                out.append(')');
            } else if (node instanceof Cast c) {
                print(c.operand(), 12, out);
                out.append("::").append(c.type());
            } else if (node instanceof Binary b) {
                int own = precedence(b);
                boolean associative = b.op().equals("and") || b.op().equals("or");
                print(b.left(), own, out);
                out.append(' ').append(b.op()).append(' ');
                print(b.right(), associative ? own : own + 1, out);
            }
            if (parens) {
                out.append(')');
            }
        }

        private static void join(List<Node> nodes, StringBuilder out) {
            for (int i = 0; i < nodes.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                print(nodes.get(i), 0, out);
            }
        }
    }
}
