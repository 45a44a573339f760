package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.dialect.ValueConversion;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.schema.ValueDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An enum stored by ordinal becoming stored by name, or back, on MariaDB. MariaDB would convert an ordinal
 * to the enum's label at that position counted from one ({@code 1} becomes the second constant, {@code 0}
 * nothing) and a label to its position, shifting every value by one; this maps each value the old column
 * can hold to the one the entity's mapping now stores for it, through the column's text, and leaves a value
 * that means nothing as it is, for the strict session to refuse.
 */
final class MariaDbMeanings {

    private static final Pattern INTEGER =
            Pattern.compile("(tinyint|smallint|mediumint|int|bigint)(\\(\\d+\\))?( unsigned)?");

    private static final Pattern TEXT = Pattern.compile("(enum\\(.*\\)|varchar\\(\\d+\\)|char\\(\\d+\\))");

    private MariaDbMeanings() {}

    static Optional<ValueConversion> of(AlterColumn alter, ValueDomain domain) {
        if (!alter.typeChanged() || alter.using() != null || domain == null || !domain.enumeration()) {
            return Optional.empty();
        }
        List<String> before = representation(alter.from().type(), domain);
        List<String> now = representation(alter.to().type(), domain);
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
                "Values keep their meaning: " + String.join(", ", pairs) + " (the enum's constants, in order);"
                        + " MariaDB converts them through the column's text, the downgrade maps them back, and a"
                        + " value that means nothing fails the migration."));
    }

    /** How a column of {@code type} holds the enum's constants, as text; {@code null} when its type does not say. */
    private static List<String> representation(String type, ValueDomain domain) {
        boolean integer = INTEGER.matcher(type).matches();
        if (!integer && !TEXT.matcher(type).matches()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < domain.names().size(); i++) {
            values.add(MariaDbNames.literal(
                    integer ? String.valueOf(i) : domain.names().get(i)));
        }
        return values;
    }

    /** Each value of {@code from} to its {@code to}; any other stays, for the change of type to refuse. */
    private static String mapping(String column, List<String> from, List<String> to) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (int i = 0; i < from.size(); i++) {
            sql.append(" when ").append(from.get(i)).append(" then ").append(to.get(i));
        }
        return sql.append(" else ").append(column).append(" end").toString();
    }
}
