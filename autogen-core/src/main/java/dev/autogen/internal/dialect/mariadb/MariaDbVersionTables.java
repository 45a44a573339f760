package dev.autogen.internal.dialect.mariadb;

import dev.autogen.api.RunOptions;
import dev.autogen.internal.dialect.VersionTableRows;
import dev.autogen.internal.dialect.VersionTableSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * autogen's two tables on MariaDB, in the project's database. The history table's comment carries the
 * tables' format ({@code autogen tables 4}). A script's guards are {@code signal}s in anonymous blocks
 * ({@code begin not atomic ... end}), MariaDB's {@code do} block.
 */
final class MariaDbVersionTables extends VersionTableRows {

    MariaDbVersionTables(String schema, String table) {
        super(schema, table);
    }

    @Override
    protected String quote(String name) {
        return MariaDbNames.quote(name);
    }

    @Override
    protected String literal(String value) {
        return MariaDbNames.literal(value);
    }

    @Override
    public String lockName() {
        // GET_LOCK takes at most 64 characters: a long name is kept apart by its hash.
        String name = "autogen:" + schema + "." + table;
        return name.length() <= 64 ? name : name.substring(0, 55) + ":" + Integer.toHexString(name.hashCode());
    }

    @Override
    public List<String> scriptPreamble(RunOptions options) {
        List<String> preamble = new ArrayList<>(List.of(
                "do get_lock(" + literal(lockName()) + ", -1)",
                "set session lock_wait_timeout = "
                        + Math.max(1, options.statementLockTimeout().toSeconds())));
        if (!options.statementTimeout().isZero()) {
            preamble.add("set session max_statement_time = "
                    + options.statementTimeout().toMillis() / 1000.0);
        }
        return preamble;
    }

    /** Whether the version table names exactly {@code heads}, as an SQL condition. */
    private String headsAre(Set<String> heads) {
        String expected = heads.stream().sorted().collect(Collectors.joining(","));
        return "(select coalesce(group_concat(version_num order by version_num separator ','), '') from "
                + versionTable() + ") = " + literal(expected);
    }

    @Override
    public String whenHeadsAre(Set<String> heads, List<String> statements) {
        return "begin not atomic if " + headsAre(heads) + " then "
                + statements.stream()
                        .map(s -> "execute immediate " + literal(s) + "; ")
                        .collect(Collectors.joining())
                + "end if; end";
    }

    @Override
    public String expectHeads(Set<String> heads, String what) {
        String atBase = heads.isEmpty() ? "base" : String.join(", ", new TreeSet<>(heads));
        return "begin not atomic if not " + headsAre(heads) + " then signal sqlstate '45000' set message_text = "
                + literal(clip("autogen: " + what + " expects " + versionTable() + " at " + atBase
                        + "; the database is elsewhere, or this script ran already: nothing more of it runs"))
                + "; end if; end";
    }

    /** A signal's message holds at most 512 characters. */
    private static String clip(String message) {
        return message.length() <= 512 ? message : message.substring(0, 509) + "...";
    }

    @Override
    public List<String> create() {
        return List.of(
                "create table if not exists " + versionTable()
                        + " (version_num varchar(64) not null primary key) engine = InnoDB",
                "create table if not exists " + historyTable() + " ("
                        + "id bigint not null auto_increment primary key, "
                        + "revision varchar(64) not null, "
                        + "direction varchar(9) not null, "
                        + "applied_at timestamp(6) not null default current_timestamp(6), "
                        + "duration_ms bigint, "
                        + "applied_by varchar(384) not null default (current_user()), "
                        + "checksum varchar(64), "
                        + "note text, "
                        + "resume_at integer) engine = InnoDB");
    }

    @Override
    public String inspect() {
        String tables = "information_schema.tables where table_schema = " + literal(schema) + " and table_name = ";
        return "select exists (select 1 from " + tables + literal(table) + ") as version_exists, "
                + "exists (select 1 from " + tables + literal(VersionTableSql.historyTableName(table))
                + ") as history_exists, "
                + "coalesce((select cast(substring(table_comment, " + (FORMAT_MARK.length() + 1)
                + ") as integer) from " + tables + literal(VersionTableSql.historyTableName(table))
                + " and table_comment like " + literal(FORMAT_MARK + "%") + "), 0) as format, "
                + "coalesce((select group_concat(column_name order by ordinal_position) = 'version_num'"
                + " from information_schema.columns where table_schema = " + literal(schema) + " and table_name = "
                + literal(table) + " having count(*) > 0), true) as version_columns_ok";
    }

    @Override
    public String markFormat() {
        return "alter table " + historyTable() + " comment = " + literal(FORMAT_MARK + FORMAT);
    }

    @Override
    public String expectNoPartial() {
        return "begin not atomic if exists (select 1 from " + historyTable() + " where direction = "
                + literal(PARTIAL) + ") then signal sqlstate '45000' set message_text = "
                + literal("autogen: a revision was left part done by an earlier run; nothing more of this script"
                        + " runs: 'autogen upgrade' completes it, 'autogen downgrade' undoes it")
                + "; end if; end";
    }

    @Override
    public String selectChecksums() {
        // The newest row of each revision: MariaDB has no "distinct on".
        return "select h.revision, h.checksum, h.applied_at from " + historyTable()
                + " h where h.id = (select max(l.id)"
                + " from " + historyTable()
                + " l where l.revision = h.revision and l.direction in ('upgrade', 'stamp'))"
                + " order by h.revision";
    }
}
