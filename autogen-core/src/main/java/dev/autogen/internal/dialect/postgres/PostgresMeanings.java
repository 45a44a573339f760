package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.dialect.ValueConversion;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.schema.ValueDomain;
import dev.autogen.migration.Definitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type changes of a column whose Java attribute stays the same: an enum stored by ordinal becoming stored
 * by name, a boolean gaining a converter, a duration between a number and an interval, a UUID between bytes
 * and {@code uuid}. A cast would keep the bytes ({@code 0} becomes {@code '0'}) and lose the meaning; this
 * maps each value the old column can hold to the one the entity's mapping now stores for it, and back, and
 * fails on a value that means nothing. A timestamp gaining or losing its zone is left to the author: what
 * zone its values are in is the application's, which no database knows.
 */
final class PostgresMeanings {

    private static final Pattern INTEGER = Pattern.compile("smallint|integer|bigint|numeric\\(\\d+,0\\)");

    /** A timestamp or time, and whether it has a time zone. */
    private static final Pattern ZONED =
            Pattern.compile("(timestamp|time)(?:\\(\\d+\\))?( with time zone)?(?: without time zone)?");

    private PostgresMeanings() {}

    static Optional<ValueConversion> of(AlterColumn alter, ValueDomain domain) {
        if (!alter.typeChanged() || (alter.using() != null && !alter.conversionToWrite())) {
            return Optional.empty();
        }
        if (zoneChanges(alter.from().type(), alter.to().type())) {
            return Optional.of(new ValueConversion(
                    new AlterColumn(
                            alter.table(),
                            alter.from(),
                            alter.to(),
                            Definitions.conversionToWrite(),
                            Definitions.conversionToWrite()),
                    "Conversion to write: the column gains or loses its time zone, and what zone its values are"
                            + " in is the application's (hibernate.jdbc.time_zone, else the JVM's), which the"
                            + " database cannot know; a cast would take the session's. Write it both ways, e.g. "
                            + PostgresNames.quote(alter.to().name()) + " at time zone 'UTC'."));
        }
        if (domain == null) {
            return Optional.empty();
        }
        if (domain.kind() == ValueDomain.Kind.DURATION) {
            return duration(alter, domain);
        }
        if (domain.kind() == ValueDomain.Kind.UUID) {
            return uuid(alter, domain);
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

    /** A timestamp or time gaining or losing {@code with time zone}. */
    private static boolean zoneChanges(String from, String to) {
        Matcher before = ZONED.matcher(from);
        Matcher after = ZONED.matcher(to);
        return before.matches()
                && after.matches()
                && before.group(1).equals(after.group(1))
                && (before.group(2) == null) != (after.group(2) == null);
    }

    /**
     * A {@code Duration} between a number of units (what Hibernate's own Java type stores for one second,
     * {@code domain}'s stored value) and an interval.
     */
    private static Optional<ValueConversion> duration(AlterColumn alter, ValueDomain domain) {
        String from = alter.from().type();
        String to = alter.to().type();
        String perSecond = domain.stored().get(0);
        String column = PostgresNames.quote(alter.to().name());
        String up;
        String down;
        if (INTEGER.matcher(from).matches() && to.startsWith("interval")) {
            up = toInterval(column, perSecond, to);
            down = fromInterval(column, perSecond, from);
        } else if (from.startsWith("interval") && INTEGER.matcher(to).matches()) {
            up = fromInterval(column, perSecond, to);
            down = toInterval(column, perSecond, from);
        } else {
            return Optional.empty();
        }
        return Optional.of(new ValueConversion(
                new AlterColumn(alter.table(), alter.from(), alter.to(), up, down),
                "Values keep their meaning: a Duration held as a number holds " + perSecond
                        + " for one second (as Hibernate's Duration type stores it); the downgrade converts back."));
    }

    private static String toInterval(String column, String perSecond, String interval) {
        return "(interval '1 second' * (" + column + "::numeric / " + perSecond + ")::double precision)::" + interval;
    }

    private static String fromInterval(String column, String perSecond, String number) {
        return "round(extract(epoch from " + column + ") * " + perSecond + ")::" + number;
    }

    /**
     * A {@code UUID} between {@code uuid} and the bytes Hibernate's own Java type stores for it, when those
     * are the UUID's sixteen bytes in order (asked of the type with a probe value, {@code domain}'s).
     */
    private static Optional<ValueConversion> uuid(AlterColumn alter, ValueDomain domain) {
        String column = PostgresNames.quote(alter.to().name());
        String inOrder = "'\\x" + domain.names().get(0).replace("-", "") + "'::bytea";
        if (!domain.stored().get(0).equals(inOrder)) {
            return Optional.empty();
        }
        String from = alter.from().type();
        String to = alter.to().type();
        String up;
        String down;
        if (from.equals("bytea") && to.equals("uuid")) {
            up = "encode(" + column + ", 'hex')::uuid";
            down = "decode(replace(" + column + "::text, '-', ''), 'hex')";
        } else if (from.equals("uuid") && to.equals("bytea")) {
            up = "decode(replace(" + column + "::text, '-', ''), 'hex')";
            down = "encode(" + column + ", 'hex')::uuid";
        } else {
            return Optional.empty();
        }
        return Optional.of(new ValueConversion(
                new AlterColumn(alter.table(), alter.from(), alter.to(), up, down),
                "Values keep their meaning: a UUID held as bytes holds its sixteen bytes in order (as Hibernate's"
                        + " UUID type stores it); the downgrade converts back."));
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
