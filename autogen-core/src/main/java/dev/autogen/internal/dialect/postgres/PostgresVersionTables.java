package dev.autogen.internal.dialect.postgres;

import dev.autogen.api.RunOptions;
import dev.autogen.internal.dialect.VersionTableRows;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * autogen's two tables on PostgreSQL. The history table's comment carries the tables' format
 * ({@code autogen tables 2}); tables made before formats were marked have none, which reads as format 1.
 */
final class PostgresVersionTables extends VersionTableRows {

    PostgresVersionTables(String schema, String table) {
        super(schema, table);
    }

    @Override
    protected String quote(String name) {
        return PostgresNames.quote(name);
    }

    @Override
    protected String literal(String value) {
        return PostgresNames.literal(value);
    }

    @Override
    public String lockName() {
        return "autogen:" + schema + "." + table;
    }

    @Override
    public List<String> scriptPreamble(RunOptions options) {
        List<String> preamble = new java.util.ArrayList<>(List.of(
                "select pg_advisory_lock(hashtext(" + literal(lockName()) + "))",
                "set lock_timeout = " + options.statementLockTimeout().toMillis()));
        if (!options.statementTimeout().isZero()) {
            preamble.add("set statement_timeout = " + options.statementTimeout().toMillis());
        }
        return preamble;
    }

    @Override
    public String whenHeadsAre(Set<String> heads, List<String> statements) {
        String body = "begin if " + headsAre(heads) + " then "
                + statements.stream().map(s -> "execute " + literal(s) + "; ").collect(Collectors.joining())
                + "end if; end";
        return "do " + Dollars.quote(body);
    }

    /** Whether the version table names exactly {@code heads}. */
    private String headsAre(Set<String> heads) {
        String expected = heads.isEmpty()
                ? "array[]::text[]"
                : "array[" + heads.stream().sorted().map(PostgresNames::literal).collect(Collectors.joining(", "))
                        + "]::text[]";
        return "(select coalesce(array_agg(version_num::text order by version_num), array[]::text[]) from "
                + versionTable() + ") is not distinct from " + expected;
    }

    @Override
    public String expectHeads(Set<String> heads, String what) {
        String atBase = heads.isEmpty() ? "base" : String.join(", ", new TreeSet<>(heads));
        String body = "begin if not " + headsAre(heads) + " then raise exception '%', "
                + literal("autogen: " + what + " expects " + versionTable() + " at " + atBase
                        + "; the database is elsewhere, or this script ran already: nothing more of it runs")
                + "; end if; end";
        return "do " + Dollars.quote(body);
    }

    @Override
    public List<String> create() {
        return List.of(
                "create table if not exists " + versionTable()
                        + " (version_num character varying(64) not null primary key)",
                "create table if not exists " + historyTable() + " ("
                        + "id bigint generated always as identity primary key, "
                        + "revision character varying(64) not null, "
                        + "direction character varying(9) not null, "
                        + "applied_at timestamp with time zone not null default now(), "
                        + "duration_ms bigint, "
                        + "applied_by text not null default current_user, "
                        + "checksum character varying(64), "
                        + "note text)",
                "alter table " + historyTable() + " add column if not exists resume_at integer");
    }

    @Override
    public String inspect() {
        return "select to_regclass(" + literal(versionTable()) + ") is not null as version_exists, "
                + "to_regclass(" + literal(historyTable()) + ") is not null as history_exists, "
                + "coalesce((select substring(obj_description(to_regclass(" + literal(historyTable()) + "), 'pg_class')"
                + " from '^" + FORMAT_MARK + "(\\d+)$')::integer), 0) as format, "
                + "coalesce((select array_agg(a.attname::text order by a.attnum) = array['version_num'] from pg_attribute a"
                + " where a.attrelid = to_regclass(" + literal(versionTable())
                + ") and a.attnum > 0 and not a.attisdropped), true)"
                + " as version_columns_ok";
    }

    @Override
    public String markFormat() {
        return "comment on table " + historyTable() + " is " + literal(FORMAT_MARK + FORMAT);
    }

    @Override
    public String expectNoPartial() {
        String body = "declare interrupted text; begin select revision into interrupted from " + historyTable()
                + " where direction = " + literal(PARTIAL) + " limit 1; if interrupted is not null then"
                + " raise exception 'autogen: revision % was left part done by an earlier run; nothing more of this"
                + " script runs: ''autogen upgrade'' completes it, ''autogen downgrade'' undoes it', interrupted;"
                + " end if; end";
        return "do " + Dollars.quote(body);
    }

    @Override
    public String selectChecksums() {
        return "select distinct on (revision) revision, checksum, applied_at from " + historyTable()
                + " where direction in ('upgrade', 'stamp') order by revision, id desc";
    }
}
