package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.dialect.ValueConversion;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.schema.ValueDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Type changes of a column whose Java attribute stays the same: an enum stored by ordinal becoming stored
 * by name, a boolean gaining a converter. A cast would keep the bytes ({@code 0} becomes {@code '0'}) and
 * lose the meaning; this maps each value the old column can hold to the one the entity's mapping now
 * stores for it, and back, and fails on a value that means nothing.
 */
final class PostgresMeanings {

    private static final Pattern INTEGER = Pattern.compile("smallint|integer|bigint|numeric\\(\\d+,0\\)");

    private PostgresMeanings() {}

    static Optional<ValueConversion> of(AlterColumn alter, ValueDomain domain) {
        if (!alter.typeChanged() || (alter.using() != null && !alter.conversionToWrite())) {
            return Optional.empty();
        }
        List<String> before = representation(alter.from().type(), domain);
        List<String> now = domain.stored();
        if (before == null || before.equals(now)) {
            return Optional.empty();
        }
        String column = PostgresNames.quote(alter.to().name());
        String up = mapping(column, alter.from().type(), before, now, alter.to().type());
        String down =
                mapping(column, alter.to().type(), now, before, alter.from().type());
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            pairs.add(domain.names().get(i) + ": " + before.get(i) + " -> " + now.get(i));
        }
        String remark = "Values keep their meaning: " + String.join(", ", pairs) + " ("
                + (domain.enumeration() ? "the enum's constants, in order" : "as the mapping stores a boolean")
                + "); the downgrade maps them back, and a value that means nothing fails the migration.";
        return Optional.of(
                new ValueConversion(new AlterColumn(alter.table(), alter.from(), alter.to(), up, down), remark));
    }

    /** How a column of {@code type} holds the domain's values, when its type says so; else {@code null}. */
    private static List<String> representation(String type, ValueDomain domain) {
        boolean integer = INTEGER.matcher(type).matches();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < domain.names().size(); i++) {
            String name = domain.names().get(i);
            if (domain.enumeration()) {
                values.add(integer ? String.valueOf(i) : PostgresNames.literal(name));
            } else if (type.equals("boolean")) {
                values.add(name);
            } else if (integer) {
                values.add(name.equals("true") ? "1" : "0");
            } else {
                // A boolean kept as text may be Y/N, T/F or anything else: only its author knows.
                return null;
            }
        }
        return values;
    }

    private static String mapping(String column, String fromType, List<String> from, List<String> to, String toType) {
        boolean compareAsText = !INTEGER.matcher(fromType).matches() && !fromType.equals("boolean");
        StringBuilder sql = new StringBuilder("(case ").append(compareAsText ? column + "::text" : column);
        for (int i = 0; i < from.size(); i++) {
            sql.append(" when ").append(from.get(i)).append(" then ").append(to.get(i));
        }
        // A value that stands for nothing fails the cast to integer, naming itself, rather than become null.
        String kind = to.get(0).startsWith("'") ? "::text" : to.get(0).matches("true|false") ? "::boolean" : "";
        sql.append(" else ('autogen: ' || ")
                .append(column)
                .append("::text || ' stands for no value of the attribute')::integer")
                .append(kind)
                .append(" end)::")
                .append(toType);
        return sql.toString();
    }
}
