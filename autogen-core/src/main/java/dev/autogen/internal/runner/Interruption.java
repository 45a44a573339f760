package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.VersionTableSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A migration an earlier run left part done: the mark it left in the history table, and how far it got.
 *
 * @param at the statements it finished, or -1 when the mark does not say
 */
record Interruption(long id, String revision, Direction direction, int at, String checksum, Instant when) {

    /** The mark an interrupted migration left, or {@code null}; two marks are more than autogen leaves. */
    static Interruption read(Connection connection, VersionTableSql tables) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(tables.selectPartial())) {
            if (!rs.next()) {
                return null;
            }
            String note = Runner.oneLine(rs.getString("note"));
            Direction direction =
                    note.startsWith(Direction.DOWNGRADE.word() + " ") ? Direction.DOWNGRADE : Direction.UPGRADE;
            int at = rs.getInt("resume_at");
            Interruption mark = new Interruption(
                    rs.getLong("id"),
                    rs.getString("revision"),
                    direction,
                    rs.wasNull() ? -1 : at,
                    rs.getString("checksum"),
                    rs.getTimestamp("applied_at").toInstant().truncatedTo(ChronoUnit.SECONDS));
            if (rs.next()) {
                throw mark.error("and another migration was interrupted too");
            }
            return mark;
        }
    }

    /** The commands that finish it either way. */
    String ways() {
        return Step.ways(direction);
    }

    /** How far it got, for a person. */
    String stopped() {
        return "its " + direction.word() + " stopped " + (at <= 0 ? "in its first statement" : "after statement " + at);
    }

    /** Why a run cannot take it up ({@code why}), and how a person can. */
    AutogenException error(String why) {
        return new AutogenException(
                ErrorCode.MIGRATION_INTERRUPTED,
                "revision " + revision + " was interrupted at " + when + ": " + stopped() + ", " + why,
                ways() + "; if it was edited since, check which of its statements took effect and finish or"
                        + " undo them by hand, then 'autogen stamp' the revision the schema is at");
    }
}
