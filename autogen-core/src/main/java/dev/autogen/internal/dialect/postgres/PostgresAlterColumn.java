package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresNames.literal;
import static dev.autogen.internal.dialect.postgres.PostgresNames.quote;
import static dev.autogen.internal.dialect.postgres.PostgresSql.name;

import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PostgreSQL's SQL for changing a column: its type (with the values converted, and guarded where a cast
 * could alter one), default, nullability, identity or serial, generation and comment, with rows in place.
 */
final class PostgresAlterColumn {

    private final PostgresTypeChanges typeChanges = new PostgresTypeChanges();

    /**
     * How each old value becomes a new one, and whether that can alter a value (then a guard checks every row
     * first): large objects are read and written through their functions, and the objects they leave
     * behind unlinked; a timestamp gains or loses its zone at an explicit one; anything else is cast.
     */
    private record Conversion(String expression, boolean exact, List<String> before, List<String> after) {}

    private Conversion conversion(AlterColumn op) {
        String column = quote(op.to().name());
        String from = op.from().type();
        String to = op.to().type();
        boolean fromZoned = from.contains("with time zone");
        boolean toZoned = to.contains("with time zone");
        if (from.startsWith("timestamp") && to.startsWith("timestamp") && fromZoned != toZoned) {
            return new Conversion(
                    column + " at time zone " + literal(PostgresSql.CONVERSION_ZONE), true, List.of(), List.of());
        }
        if (from.equals("oid") && (isText(to) || to.equals("bytea"))) {
            // The column holds large-object ids: the values are the objects' contents, which must move with them.
            String kept =
                    quote("autogen_unlink_" + Integer.toHexString(op.table().hashCode() ^ column.hashCode()));
            String contents =
                    to.equals("bytea") ? "lo_get(" + column + ")" : "convert_from(lo_get(" + column + "), 'UTF8')";
            // Assigned, not cast, to a shorter type: a value that does not fit fails the change.
            return new Conversion(
                    contents,
                    true,
                    List.of("create temporary table " + kept + " on commit drop as select " + column + " as lo from "
                            + name(op.table()) + " where " + column + " is not null"),
                    List.of("select lo_unlink(lo) from " + kept));
        }
        if (to.equals("oid") && (isText(from) || from.equals("bytea"))) {
            String contents = from.equals("bytea") ? column : "convert_to(" + column + ", 'UTF8')";
            return new Conversion("lo_from_bytea(0, " + contents + ")", true, List.of(), List.of());
        }
        return new Conversion(column + "::" + to, typeChanges.keepsEveryValue(from, to), List.of(), List.of());
    }

    private static boolean isText(String type) {
        return type.equals("text") || type.startsWith("character varying") || type.startsWith("character(");
    }

    /**
     * PostgreSQL (before 17) cannot change a generated column's expression: a column that stops being
     * generated keeps its values ({@code drop expression}); one that becomes generated, or changes its
     * expression, is dropped and added again, computed anew.
     */
    private List<String> generationChange(AlterColumn op) {
        List<String> sql = new ArrayList<>();
        if (op.to().generatedAs() == null && op.from().virtual()) {
            // A virtual column has no values to keep (drop expression refuses it): they are stored first.
            String kept = quote(PostgresNames.truncate("autogen_" + op.from().name()));
            sql.add("alter table " + name(op.table()) + " add column " + kept + " "
                    + op.from().type());
            sql.add("update " + name(op.table()) + " set " + kept + " = "
                    + quote(op.from().name()));
            sql.add("alter table " + name(op.table()) + " drop column "
                    + quote(op.from().name()));
            sql.add("alter table " + name(op.table()) + " rename column " + kept + " to "
                    + quote(op.from().name()));
            sql.addAll(render(new AlterColumn(op.table(), op.from().withGeneratedAs(null), op.to(), op.using())));
            return sql;
        }
        if (op.to().generatedAs() == null) {
            sql.add("alter table " + name(op.table()) + " alter column "
                    + quote(op.to().name()) + " drop expression");
            sql.addAll(render(new AlterColumn(op.table(), op.from().withGeneratedAs(null), op.to(), op.using())));
            return sql;
        }
        sql.add("alter table " + name(op.table()) + " drop column "
                + quote(op.from().name()));
        sql.add("alter table " + name(op.table()) + " add column " + PostgresSql.column(op.to()));
        PostgresSql.commentOnColumn(op.table(), op.to()).ifPresent(sql::add);
        return sql;
    }

    /**
     * Fails the migration, before anything changes, when a value would not come back unchanged from the
     * new type: a cast that cuts, rounds or otherwise alters a value is never left to do so silently.
     */
    private static String guard(AlterColumn op, String conversion) {
        String column = quote(op.to().name());
        String body = "begin if exists (select 1 from " + name(op.table()) + " where " + column + " is not null and ("
                + conversion + ")::" + op.from().type() + " is distinct from " + column + ") then raise exception '%', "
                + literal("autogen: a value of " + op.table() + "." + op.to().name() + " does not convert from "
                        + op.from().type()
                        + " to " + op.to().type()
                        + " unchanged; nothing was changed (convert or clean such values first,"
                        + " or give alterColumn a conversion of your own)")
                + "; end if; end";
        return "do " + Dollars.quote(body);
    }

    /** The statements that turn {@code op.from()} into {@code op.to()}, in the order PostgreSQL needs them. */
    List<String> render(AlterColumn op) {
        Column from = op.from();
        Column to = op.to();
        if (!Objects.equals(from.generatedAs(), to.generatedAs()) || from.virtual() != to.virtual()) {
            return generationChange(op);
        }
        String alter = "alter table " + name(op.table()) + " alter column " + quote(to.name());
        List<String> sql = new ArrayList<>();
        boolean wasSerial = from.identity() == Identity.SERIAL;
        boolean isSerial = to.identity() == Identity.SERIAL;
        if (isIdentity(from) && !isIdentity(to)) {
            sql.add(alter + " drop identity");
        }
        if (wasSerial && !isSerial) {
            sql.add(alter + " drop default");
            sql.add(onSerialSequence(op, "'drop sequence ' || %s"));
        }
        if (op.typeChanged()) {
            // PostgreSQL would convert the old default too, and refuse where no cast fits: it goes first.
            if (from.defaultValue() != null) {
                sql.add(alter + " drop default");
            }
            Conversion conversion =
                    op.using() == null ? conversion(op) : new Conversion(op.using(), true, List.of(), List.of());
            sql.addAll(conversion.before());
            if (!conversion.exact()) {
                sql.add(guard(op, conversion.expression()));
            }
            sql.add(alter + " type " + to.type() + " using " + conversion.expression());
            sql.addAll(conversion.after());
            if (to.defaultValue() != null) {
                sql.add(alter + " set default " + to.defaultValue());
            }
            if (wasSerial && isSerial) {
                // Its sequence keeps its type, and with it its range, unless told: as bigserial makes it.
                sql.add(onSerialSequence(op, "'alter sequence ' || %s || ' as " + to.type() + "'"));
            }
        } else if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            sql.add(to.defaultValue() == null ? alter + " drop default" : alter + " set default " + to.defaultValue());
        }
        if (!wasSerial && isSerial) {
            sql.addAll(becomeSerial(op));
        }
        if (from.nullable() && !to.nullable() && to.defaultValue() != null) {
            // What the default would have given the rows had it stood when they were written.
            sql.add("update " + name(op.table()) + " set " + quote(to.name()) + " = " + to.defaultValue() + " where "
                    + quote(to.name()) + " is null");
        }
        if (from.nullable() && !to.nullable() && to.notNullConstraint() != null) {
            sql.add("alter table " + name(op.table()) + " add constraint " + quote(to.notNullConstraint())
                    + " not null " + quote(to.name()));
        } else if (from.nullable() != to.nullable()) {
            sql.add(alter + (to.nullable() ? " drop not null" : " set not null"));
        } else if (from.notNullConstraint() != null
                && to.notNullConstraint() != null
                && !from.notNullConstraint().equals(to.notNullConstraint())) {
            sql.add("alter table " + name(op.table()) + " rename constraint " + quote(from.notNullConstraint()) + " to "
                    + quote(to.notNullConstraint()));
        }
        if (!isIdentity(from) && isIdentity(to)) {
            sql.add(alter + " add generated " + (to.identity() == Identity.ALWAYS ? "always" : "by default")
                    + " as identity");
            // A new identity counts from 1: past the ids the table has, or the next insert collides.
            sql.add("select setval(pg_get_serial_sequence(" + literal(name(op.table())) + ", " + literal(to.name())
                    + "), coalesce(max(" + quote(to.name()) + "), 0) + 1, false) from " + name(op.table()));
        } else if (isIdentity(from) && isIdentity(to) && from.identity() != to.identity()) {
            sql.add(alter + " set generated " + (to.identity() == Identity.ALWAYS ? "always" : "by default"));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            sql.add("comment on column " + name(op.table()) + "." + quote(to.name()) + " is "
                    + (to.comment() == null ? "null" : literal(to.comment())));
        }
        return sql;
    }

    /** {@code generated ... as identity}, as opposed to none or serial. */
    private static boolean isIdentity(Column column) {
        return column.identity() == Identity.ALWAYS || column.identity() == Identity.BY_DEFAULT;
    }

    /**
     * A statement run on the sequence a serial column owns, whose name PostgreSQL chose: {@code command} is
     * an SQL expression of the text to run, with {@code %s} for the sequence's quoted name.
     */
    private static String onSerialSequence(AlterColumn op, String command) {
        String sequence = "pg_get_serial_sequence(" + literal(name(op.table())) + ", "
                + literal(op.to().name()) + ")";
        return "do " + Dollars.quote("begin execute " + command.formatted(sequence) + "; end");
    }

    /**
     * An existing column made serial as {@code serial} would have made it: a sequence of its type that it
     * owns, counting on from the values the rows have, for its default and for rows that have none.
     */
    private static List<String> becomeSerial(AlterColumn op) {
        String column = quote(op.to().name());
        String table = name(op.table());
        String sequence = name(new QualifiedName(
                op.table().schema(),
                PostgresNames.truncate(op.table().name() + "_" + op.to().name() + "_seq")));
        return List.of(
                "create sequence " + sequence + " as " + op.to().type() + " owned by " + table + "." + column,
                "select setval(" + literal(sequence) + ", coalesce(max(" + column + "), 0) + 1, false) from " + table,
                "alter table " + table + " alter column " + column + " set default nextval(" + literal(sequence)
                        + "::regclass)",
                "update " + table + " set " + column + " = default where " + column + " is null");
    }
}
