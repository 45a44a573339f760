package dev.autogen.runner;

import static dev.autogen.canonical.Identifiers.literal;
import static dev.autogen.canonical.Identifiers.quote;

import dev.autogen.revision.VersionChange;
import dev.autogen.revision.VersionChange.Delete;
import dev.autogen.revision.VersionChange.Insert;
import dev.autogen.revision.VersionChange.Update;
import java.util.List;

/**
 * The SQL of autogen's two tables: the version table, one row per current head as in Alembic's
 * {@code alembic_version}, and the history table, one row per step applied, undone or stamped.
 */
public final class VersionTables {

    private final String schema;
    private final String versionTable;

    public VersionTables(String schema, String versionTable) {
        this.schema = schema;
        this.versionTable = versionTable;
    }

    public String versionTable() {
        return quote(schema) + "." + quote(versionTable);
    }

    public String historyTable() {
        return quote(schema) + "." + quote(versionTable + "_history");
    }

    /** The name the advisory lock is taken on: one lock per version table. */
    public String lockName() {
        return "autogen:" + schema + "." + versionTable;
    }

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
                        + "note text)");
    }

    public String selectHeads() {
        return "select version_num from " + versionTable() + " order by version_num";
    }

    public String change(VersionChange change) {
        if (change instanceof Insert insert) {
            return "insert into " + versionTable() + " (version_num) values (" + literal(insert.to()) + ")";
        } else if (change instanceof Delete delete) {
            return "delete from " + versionTable() + " where version_num = " + literal(delete.from());
        }
        Update update = (Update) change;
        return "update " + versionTable() + " set version_num = " + literal(update.to())
                + " where version_num = " + literal(update.from());
    }

    /**
     * The mark left while a migration runs statements outside its transaction: if the run dies there,
     * the next one finds it and explains instead of skipping the half-done revision.
     */
    public String markPartial(String revision, Direction direction, String statement) {
        return "insert into " + historyTable() + " (revision, direction, note) values (" + literal(revision) + ", "
                + literal(PARTIAL) + ", " + literal(direction.word() + " ran outside its transaction: " + statement) + ") returning id";
    }

    public String clearPartial(long id) {
        return "delete from " + historyTable() + " where id = " + id;
    }

    public String clearAllPartial() {
        return "delete from " + historyTable() + " where direction = " + literal(PARTIAL);
    }

    public String selectPartial() {
        return "select revision, applied_at, note from " + historyTable() + " where direction = " + literal(PARTIAL) + " order by id";
    }

    /** The checksum recorded when each revision was last applied or stamped. */
    public String selectChecksums() {
        return "select distinct on (revision) revision, checksum, applied_at from " + historyTable()
                + " where direction in ('upgrade', 'stamp') order by revision, id desc";
    }

    static final String PARTIAL = "partial";

    /** The history row, with its duration when known ({@code null} in an offline script). */
    public String history(String revision, Direction direction, Long durationMillis, String checksum) {
        return "insert into " + historyTable() + " (revision, direction, duration_ms, checksum) values ("
                + literal(revision) + ", " + literal(direction.word()) + ", "
                + (durationMillis == null ? "null" : durationMillis) + ", "
                + (checksum == null ? "null" : literal(checksum)) + ")";
    }
}
