package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.dialect.ValueConversion;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.schema.ValueDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Type changes of a column whose Java attribute stays the same, on MariaDB: an enum stored by ordinal
 * becoming stored by name, or back, and a boolean between {@code bit(1)} or a number and a converter's
 * text ({@code 'Y'}/{@code 'N'}). MariaDB alone would convert an ordinal to the enum's label at that
 * position counted from one ({@code 1} becomes the second constant, {@code 0} nothing), a label to its
 * position, and a bit to the text {@code '1'}: every value kept as bytes, its meaning lost. This maps each
 * value the old column can hold to the one the entity's mapping now stores for it, through the column's
 * text (MariaDB's change of type takes no expression), and fails the migration on a value that stands for
 * nothing, naming it, rather than keep it: an ordinal past the last constant would otherwise become a
 * label by position. A boolean kept as text before is left alone: only its author knows what it held, and
 * MariaDB's strict session refuses to make a number of {@code 'Y'}.
 */
final class MariaDbMeanings {

    private static final Pattern INTEGER =
            Pattern.compile("(tinyint|smallint|mediumint|int|bigint)(\\(\\d+\\))?( unsigned)?|bit\\(1\\)");

    private static final Pattern TEXT = Pattern.compile("(enum\\(.*\\)|varchar\\(\\d+\\)|char\\(\\d+\\))");

    private MariaDbMeanings() {}

    static Optional<ValueConversion> of(AlterColumn alter, ValueDomain domain) {
        if (!alter.typeChanged() || alter.using() != null || domain == null) {
            return Optional.empty();
        }
        if (domain.kind() == ValueDomain.Kind.UUID) {
            return uuid(alter, domain);
        }
        if (!domain.finite()) {
            return Optional.empty();
        }
        List<String> before = held(alter.from().type(), domain);
        List<String> now = stored(alter.to().type(), domain);
        if (before == null || now == null || before.equals(now)) {
            return Optional.empty();
        }
        String column = MariaDbNames.quote(alter.to().name());
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            pairs.add(domain.names().get(i) + ": " + before.get(i) + " -> " + now.get(i));
        }
        return Optional.of(new ValueConversion(
                new AlterColumn(
                        alter.table(),
                        alter.from(),
                        alter.to(),
                        mapping(column, before, now),
                        mapping(column, now, before)),
                "Values keep their meaning: " + String.join(", ", pairs) + " ("
                        + (domain.enumeration() ? "the enum's constants, in order" : "as the mapping stores a boolean")
                        + "); MariaDB converts them through the column's text, the downgrade maps them back, and a"
                        + " value that means nothing fails the migration."));
    }

    private static final Pattern UUID_TEXT = Pattern.compile("(var)?char\\(36\\)");

    /**
     * A {@code UUID} between the sixteen bytes Hibernate's own type stores for it ({@code binary(16)}, when
     * those are the UUID's bytes in order, asked of the type with a probe value) and its text: MariaDB
     * refuses to make text of the bytes. ({@code uuid} to or from either keeps the value by MariaDB's own
     * change of type.) Text that is no UUID fails the migration, naming itself.
     */
    private static Optional<ValueConversion> uuid(AlterColumn alter, ValueDomain domain) {
        String inOrder = "'\\x" + domain.names().get(0).replace("-", "") + "'::bytea";
        if (!domain.stored().get(0).equals(inOrder)) {
            return Optional.empty();
        }
        String column = MariaDbNames.quote(alter.to().name());
        String text = "lower(insert(insert(insert(insert(hex(" + column + "), 9, 0, '-'), 14, 0, '-'), 19, 0, '-'),"
                + " 24, 0, '-'))";
        String bytes = "case when " + column + " is null then null when " + column
                + " regexp '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'"
                + " then unhex(replace(" + column + ", '-', ''))" + " else cast(concat('autogen: ', " + column
                + ", ' stands for no value of the attribute') as signed) end";
        String from = alter.from().type();
        String to = alter.to().type();
        String up;
        String down;
        if (from.equals("binary(16)") && UUID_TEXT.matcher(to).matches()) {
            up = text;
            down = bytes;
        } else if (UUID_TEXT.matcher(from).matches() && to.equals("binary(16)")) {
            up = bytes;
            down = text;
        } else {
            return Optional.empty();
        }
        return Optional.of(new ValueConversion(
                new AlterColumn(alter.table(), alter.from(), alter.to(), up, down),
                "Values keep their meaning: a UUID held as bytes holds its sixteen bytes in order (as Hibernate's"
                        + " UUID type stores it), and as text its usual form; the downgrade converts back, and"
                        + " text that is no UUID fails the migration."));
    }

    /**
     * What a column of {@code type} held for each value, as the text it becomes on the way: an enum's
     * ordinal or name, a boolean's {@code '1'} or {@code '0'} where it was a bit or a number; {@code null}
     * when the type does not say.
     */
    private static List<String> held(String type, ValueDomain domain) {
        boolean integer = INTEGER.matcher(type).matches();
        if (!integer && !(domain.enumeration() && TEXT.matcher(type).matches())) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < domain.names().size(); i++) {
            String name = domain.names().get(i);
            if (domain.enumeration()) {
                values.add(MariaDbNames.literal(integer ? String.valueOf(i) : name));
            } else {
                values.add(MariaDbNames.literal(name.equals("true") ? "1" : "0"));
            }
        }
        return values;
    }

    /**
     * What the entity's mapping stores now in a column of {@code type}, as text: its own literals, a number
     * quoted; a boolean in a bit or a number as {@code '1'} or {@code '0'}.
     */
    private static List<String> stored(String type, ValueDomain domain) {
        boolean integer = INTEGER.matcher(type).matches();
        if (!integer && !TEXT.matcher(type).matches()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < domain.stored().size(); i++) {
            String literal = domain.stored().get(i);
            if (!domain.enumeration() && integer) {
                values.add(MariaDbNames.literal(domain.names().get(i).equals("true") ? "1" : "0"));
            } else if (literal.startsWith("'")) {
                values.add(literal);
            } else if (literal.matches("-?\\d+")) {
                values.add(MariaDbNames.literal(literal));
            } else {
                // A boolean's true or false in a text column: no text says it.
                return null;
            }
        }
        return values;
    }

    /** Each value of {@code from} to its {@code to}; any other fails the statement, naming itself. */
    private static String mapping(String column, List<String> from, List<String> to) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (int i = 0; i < from.size(); i++) {
            sql.append(" when ").append(from.get(i)).append(" then ").append(to.get(i));
        }
        // The strict session turns a cast that truncates into an error that quotes the text: a null stays null.
        return sql.append(" else cast(concat('autogen: ', ")
                .append(column)
                .append(", ' stands for no value of the attribute') as signed) end")
                .toString();
    }
}
