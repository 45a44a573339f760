package dev.autogen.testing;

import dev.autogen.internal.dialect.postgres.SqlExpressions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database's schema as PostgreSQL itself describes it, independently of autogen's introspector: every
 * table with its columns in order, every constraint and index as {@code pg_get_constraintdef} and
 * {@code pg_get_indexdef} print them (names included; a check's operands of {@code and} in one order),
 * sequences, enum types and casts. Two databases
 * with equal descriptions have the same schema.
 */
public final class Catalog {

    private static final String QUERY = """
            select 'table ' || c.oid::regclass || ' (' || string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || case when a.attnotnull then ' not null' else '' end
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end
                   || case a.attgenerated when 's' then ' generated' else '' end, ', ' order by a.attnum) || ')'
                   || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
            where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
              and c.relname not like 'autogen_version%'
            group by c.oid
            union all
            select 'constraint ' || con.conrelid::regclass || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
            from pg_constraint con join pg_namespace n on n.oid = con.connamespace
            where con.conrelid <> 0 and n.nspname not in ('pg_catalog', 'information_schema')
              and con.conrelid::regclass::text not like '%autogen_version%'
            union all
            select 'index ' || pg_get_indexdef(i.indexrelid)
            from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
              and c.relname not like 'autogen_version%'
            union all
            select 'column comment ' || c.oid::regclass || '.' || a.attname || ' ' || col_description(c.oid, a.attnum)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0
            where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and col_description(c.oid, a.attnum) is not null
            union all
            select 'sequence ' || s.schemaname || '.' || s.sequencename || ' ' || s.data_type || ' start ' || s.start_value
                   || ' increment ' || s.increment_by || ' min ' || s.min_value || ' max ' || s.max_value || ' cache ' || s.cache_size
                   || case when s.cycle then ' cycle' else '' end
            from pg_sequences s where s.schemaname not in ('pg_catalog', 'information_schema')
              and s.sequencename not like 'autogen_version%'
            union all
            select 'type ' || t.typnamespace::regnamespace || '.' || t.typname || ' ('
                   || string_agg(e.enumlabel, ', ' order by e.enumsortorder) || ')'
            from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.oid, t.typnamespace, t.typname
            union all
            select 'cast ' || format_type(castsource, null) || ' as ' || format_type(casttarget, null) || ' ' || castcontext::text
            from pg_cast where oid >= 16384
            union all
            select 'schema ' || nspname from pg_namespace
            where nspname not in ('pg_catalog', 'information_schema', 'public') and nspname not like 'pg_%'
            order by 1
            """;

    private static final Pattern CHECK = Pattern.compile("(constraint \\S+ \\S+ CHECK )(.*?)( NOT VALID)?");

    private Catalog() {}

    public static List<String> of(TestDatabase db) {
        return lines(db, QUERY);
    }

    /**
     * The description with each table's columns by name: a migration adds columns at the end of a table,
     * where a fresh {@code create table} would place them among the others, and that is not a difference.
     */
    public static List<String> withColumnsByName(TestDatabase db) {
        return lines(db, QUERY.replace("order by a.attnum", "order by a.attname"));
    }

    private static List<String> lines(TestDatabase db, String query) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                lines.add(inOneOrder(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    /**
     * A check with the operands of its {@code and}s in one order: Hibernate joins a column's checks in no
     * fixed order (Bean Validation's {@code @Min} and {@code @Max}), and the order means nothing.
     */
    private static String inOneOrder(String line) {
        Matcher check = CHECK.matcher(line);
        if (!check.matches()) {
            return line;
        }
        String rest = check.group(3) == null ? "" : check.group(3);
        return check.group(1) + "(" + SqlExpressions.comparable(check.group(2)) + ")" + rest;
    }
}
