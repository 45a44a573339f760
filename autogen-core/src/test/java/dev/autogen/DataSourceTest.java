package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.Migrations;
import dev.autogen.api.Settings;
import dev.autogen.testing.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An application's DataSource: autogen borrows its connection, migrates through it, and gives it back
 * with the session as it was (time zone, lock timeout, auto-commit), as a pool expects.
 */
@Tag("database")
class DataSourceTest {

    @Test
    void theSampleIsMigratedThroughAPooledConnectionThatComesBackAsItWent() throws SQLException {
        try (TestDatabase db = TestDatabase.create();
                Connection pooled = db.connect()) {
            try (Statement s = pooled.createStatement()) {
                s.execute("set time zone 'America/Lima'");
                s.execute("set lock_timeout = '7s'");
            }
            Settings settings = Settings.of(ConnectionSettings.of(new OneConnection(pooled)));
            Migrations migrations = Migrations.fromSources(
                    Path.of("../sample-entities/migrations").toAbsolutePath(), Path.of("target/datasource-cache"));
            new Autogen(settings, migrations).upgrade("head");
            assertThat(setting(pooled, "TimeZone")).isEqualTo("America/Lima");
            assertThat(setting(pooled, "lock_timeout")).isEqualTo("7s");
            assertThat(pooled.getAutoCommit()).isTrue();
            assertThat(db.query("select count(*) from autogen_version")).containsExactly("1");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A pool of one: every borrower gets the same connection, whose close() only hands it back. */
    private record OneConnection(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        if (method.getName().equals("isClosed")) {
                            return false;
                        }
                        return method.invoke(connection, args);
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
