package dev.autogen.internal.dialect;

import dev.autogen.api.Direction;
import dev.autogen.api.RunOptions;
import dev.autogen.internal.revision.VersionChange;
import java.util.List;
import java.util.Set;

/**
 * The SQL of autogen's two tables for one version table name: the version table, one row per current
 * head as in Alembic's {@code alembic_version}, and its history table, one row per step applied, undone
 * or stamped. The tables carry a format number, so that a later autogen can migrate them.
 */
public interface VersionTableSql {

    /** The format of the tables this build writes. */
    int FORMAT = 4;

    /** The format from which recorded checksums are of today's canonical text. */
    int CHECKSUMS_SINCE = 2;

    /** The format from which the checksum of a migration with Java steps covers their compiled code. */
    int JAVA_CODE_SINCE = 4;

    /** The history table's name, beside the version table of this name. */
    static String historyTableName(String versionTable) {
        return versionTable + "_history";
    }

    String versionTable();

    String historyTable();

    /** The name the migration lock is taken on: one lock per version table. */
    String lockName();

    /**
     * What an offline script runs first: take the migration lock (held until the script's session ends)
     * and set the lock timeout a run would set.
     */
    List<String> scriptPreamble(RunOptions options);

    /**
     * A statement that stops a script (an error) unless the version table names exactly {@code heads}:
     * a script is written for one starting point and must not run twice, nor anywhere else.
     */
    String expectHeads(Set<String> heads, String what);

    /**
     * A statement that runs {@code statements}, all or none, only when the version table names exactly
     * {@code heads}, and otherwise does nothing: a step of a script that may start anywhere on its way.
     */
    String whenHeadsAre(Set<String> heads, List<String> statements);

    /** Creates both tables when they do not exist; {@link #markFormat} marks new ones. */
    List<String> create();

    /**
     * One row: {@code version_exists}, {@code history_exists}, the tables' {@code format} (0 when they carry
     * no mark), and {@code version_columns_ok}: whether the version table has exactly autogen's columns.
     */
    String inspect();

    /** Whether the history table has any row. */
    String historyHasRows();

    /** Marks the tables with {@link #FORMAT}. */
    String markFormat();

    String selectHeads();

    String change(VersionChange change);

    /**
     * The mark left while a migration runs statements on their own, outside its transaction: if the run
     * stops there, the next one finds it, and resumes the same migration (unedited, the same way) at
     * {@code resumeAt}, the first statement not known done; anything else it refuses, and explains.
     */
    String markPartial(String revision, Direction direction, String statement, int resumeAt, String checksum);

    /** The same mark written by a script, which cannot read back its id: there is at most one mark. */
    String insertPartial(String revision, Direction direction, String statement, int resumeAt, String checksum);

    /** Moves the mark of {@code revision} on, from a script. */
    String updatePartialOf(String revision, int resumeAt);

    /** Clears the mark of {@code revision}, from a script. */
    String clearPartialOf(String revision);

    /**
     * A statement that stops a script (an error) when a migration was left part done: the script would run
     * it again from its start; autogen completes or undoes it.
     */
    String expectNoPartial();

    /** Moves a mark's resume point on, once the statements before it are done. */
    String updatePartial(long id, int resumeAt);

    String clearPartial(long id);

    String clearAllPartial();

    String selectPartial();

    /** The checksum recorded when each revision was last applied or stamped, newest first per revision. */
    String selectChecksums();

    /** Every history row, oldest first: revision, direction, applied_at, duration_ms, applied_by, note. */
    String selectHistory();

    /** The history row, with its duration when known ({@code null} in an offline script) and a note. */
    String history(String revision, Direction direction, Long durationMillis, String checksum, String note);
}
