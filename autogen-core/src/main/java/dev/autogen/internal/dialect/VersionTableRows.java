package dev.autogen.internal.dialect;

import dev.autogen.api.Direction;
import dev.autogen.internal.revision.VersionChange;
import dev.autogen.internal.revision.VersionChange.Delete;
import dev.autogen.internal.revision.VersionChange.Insert;
import dev.autogen.internal.revision.VersionChange.Update;

/**
 * The statements on autogen's two tables' rows that every database writes alike, in its own quoting and
 * literals: heads, marks of a migration left part done, and history. A dialect adds the DDL, the guards and
 * the lock, which differ.
 */
public abstract class VersionTableRows implements VersionTableSql {

    /** The direction of a history row that marks a migration part done. */
    protected static final String PARTIAL = "partial";

    /** How the history table's comment begins, before the tables' format. */
    protected static final String FORMAT_MARK = "autogen tables ";

    protected final String schema;
    protected final String table;

    protected VersionTableRows(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    /** A name as the database quotes it. */
    protected abstract String quote(String name);

    /** A string literal as the database reads it. */
    protected abstract String literal(String value);

    @Override
    public String versionTable() {
        return quote(schema) + "." + quote(table);
    }

    @Override
    public String historyTable() {
        return quote(schema) + "." + quote(VersionTableSql.historyTableName(table));
    }

    @Override
    public String historyHasRows() {
        return "select exists (select 1 from " + historyTable() + ")";
    }

    @Override
    public String selectHeads() {
        return "select version_num from " + versionTable() + " order by version_num";
    }

    @Override
    public String change(VersionChange change) {
        if (change instanceof Insert insert) {
            return "insert into " + versionTable() + " (version_num) values (" + literal(insert.to()) + ")";
        } else if (change instanceof Delete delete) {
            return "delete from " + versionTable() + " where version_num = " + literal(delete.from());
        }
        Update update = (Update) change;
        return "update " + versionTable() + " set version_num = " + literal(update.to()) + " where version_num = "
                + literal(update.from());
    }

    @Override
    public String markPartial(String revision, Direction direction, String statement, int resumeAt, String checksum) {
        return insertPartial(revision, direction, statement, resumeAt, checksum) + " returning id";
    }

    @Override
    public String insertPartial(String revision, Direction direction, String statement, int resumeAt, String checksum) {
        return "insert into " + historyTable() + " (revision, direction, note, resume_at, checksum) values ("
                + literal(revision) + ", " + literal(PARTIAL) + ", "
                + literal(direction.word() + " ran outside its transaction: " + statement) + ", " + resumeAt + ", "
                + literal(checksum) + ")";
    }

    @Override
    public String updatePartialOf(String revision, int resumeAt) {
        return "update " + historyTable() + " set resume_at = " + resumeAt + " where direction = " + literal(PARTIAL)
                + " and revision = " + literal(revision);
    }

    @Override
    public String clearPartialOf(String revision) {
        return "delete from " + historyTable() + " where direction = " + literal(PARTIAL) + " and revision = "
                + literal(revision);
    }

    @Override
    public String updatePartial(long id, int resumeAt) {
        return "update " + historyTable() + " set resume_at = " + resumeAt + " where id = " + id;
    }

    @Override
    public String clearPartial(long id) {
        return "delete from " + historyTable() + " where id = " + id;
    }

    @Override
    public String clearAllPartial() {
        return "delete from " + historyTable() + " where direction = " + literal(PARTIAL);
    }

    @Override
    public String selectPartial() {
        return "select id, revision, applied_at, note, resume_at, checksum from " + historyTable()
                + " where direction = " + literal(PARTIAL) + " order by id";
    }

    @Override
    public String selectHistory() {
        return "select revision, direction, applied_at, duration_ms, applied_by, note from " + historyTable()
                + " order by id";
    }

    @Override
    public String history(String revision, Direction direction, Long durationMillis, String checksum, String note) {
        return "insert into " + historyTable() + " (revision, direction, duration_ms, checksum, note) values ("
                + literal(revision) + ", " + literal(direction.word()) + ", "
                + (durationMillis == null ? "null" : durationMillis) + ", "
                + (checksum == null ? "null" : literal(checksum)) + ", "
                + (note == null ? "null" : literal(note)) + ")";
    }
}
