package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Migrations;
import dev.autogen.api.Settings;
import dev.autogen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Migrations written by hand: a downgrade left out, raw SQL with its reverse, Java data steps. */
@Tag("database")
class MigrationApiTest {

    @Test
    void aLeftOutDowngradeUndoesEachCallIncludingRawSqlAndJavaSteps() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            Autogen autogen = new Autogen(
                    Settings.of(db.settings()),
                    Migrations.fromClassLoader(getClass().getClassLoader(), "dev.autogen.fixtures.handwritten"));

            autogen.upgrade("head");
            assertThat(names(db)).containsExactly("ADA", "GRACE");

            autogen.downgrade("h1");
            assertThat(names(db))
                    .as("the Java step's reverse ran, then the SQL's")
                    .isEmpty();

            autogen.upgrade("head");
            assertThat(names(db)).containsExactly("ADA", "GRACE");
            autogen.downgrade("base");
            assertThat(tables(db)).containsExactly("autogen_version", "autogen_version_history");
        }
    }

    @Test
    void anOfflineScriptTakesAJavaStepsSqlAndRefusesOneWithout() {
        Settings settings =
                Settings.of(new dev.autogen.api.ConnectionSettings("jdbc:postgresql://localhost/none", null, null));
        String script = new Autogen(
                        settings,
                        Migrations.fromClassLoader(getClass().getClassLoader(), "dev.autogen.fixtures.offline"))
                .upgradeSql("base:head");
        assertThat(script).contains("update word set text = upper(text);");

        Autogen handwritten = new Autogen(
                settings, Migrations.fromClassLoader(getClass().getClassLoader(), "dev.autogen.fixtures.handwritten"));
        assertThatThrownBy(() -> handwritten.upgradeSql("base:head"))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining(
                        "revision h2 (dev.autogen.fixtures.handwritten.M2_SeedAndShout) has a Java data step")
                .hasMessageContaining("DataStep.withOfflineSql")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.MIGRATION_INVALID);
    }

    private static List<String> names(TestDatabase db) throws SQLException {
        return strings(db, "select name from customer order by id");
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        return strings(db, "select tablename from pg_tables where schemaname = 'public' order by 1");
    }

    private static List<String> strings(TestDatabase db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
