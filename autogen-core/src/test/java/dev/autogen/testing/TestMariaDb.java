package dev.autogen.testing;

import dev.autogen.api.ConnectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A database of its own on a real MariaDB server: the one {@code AUTOGEN_TEST_MARIADB_URL} names (a URL
 * without a database, {@code jdbc:mariadb://host:3306/?user=root&password=...}), or else one started here,
 * once per test JVM, from the machine's {@code mariadbd} (Debian's {@code mariadb-server}) on a data
 * directory and port of its own: no system service, nothing left behind.
 */
public final class TestMariaDb implements AutoCloseable {

    public static final String URL_VARIABLE = "AUTOGEN_TEST_MARIADB_URL";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String serverUrl;

    private final String name;

    private TestMariaDb(String name) {
        this.name = name;
    }

    /** Whether there is a MariaDB to test on: the variable is set, or {@code mariadbd} is installed. */
    public static boolean available() {
        return System.getenv(URL_VARIABLE) != null || Files.isExecutable(Path.of("/usr/sbin/mariadbd"));
    }

    /** A new, empty database; closing drops it. */
    public static TestMariaDb create() {
        String name = "autogen_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server());
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("creating test database " + name + " failed", e);
        }
        return new TestMariaDb(name);
    }

    public String name() {
        return name;
    }

    /** How autogen and Hibernate connect to this database. */
    public ConnectionSettings settings() {
        String url = server();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return new ConnectionSettings(base.replaceFirst("/?$", "/") + name + parameters, null, null);
    }

    public Connection connect() {
        try {
            return DriverManager.getConnection(settings().url());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String... statements) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The rows a query gives, each row's columns joined by {@code |}. */
    public List<String> query(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(server());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String server() {
        if (serverUrl == null) {
            String given = System.getenv(URL_VARIABLE);
            serverUrl = given != null ? given : start();
        }
        return serverUrl;
    }

    /** Starts mariadbd as a child of this JVM, stopped and its directory deleted when the JVM exits. */
    private static String start() {
        try {
            Path dir = Files.createTempDirectory("autogen-mariadb");
            Path data = dir.resolve("data");
            String user = System.getProperty("user.name");
            run(
                    List.of(
                            "mariadb-install-db",
                            "--no-defaults",
                            "--datadir=" + data,
                            "--user=" + user,
                            "--auth-root-authentication-method=normal",
                            "--skip-test-db"),
                    dir.resolve("install.log"));
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Process server = new ProcessBuilder(
                            "/usr/sbin/mariadbd",
                            "--no-defaults",
                            "--datadir=" + data,
                            "--user=" + user,
                            "--port=" + port,
                            "--bind-address=127.0.0.1",
                            "--socket=" + dir.resolve("socket"),
                            "--pid-file=" + dir.resolve("pid"),
                            "--skip-log-bin",
                            "--innodb-buffer-pool-size=64M",
                            "--innodb-flush-log-at-trx-commit=2",
                            "--character-set-server=utf8mb4",
                            "--collation-server=utf8mb4_general_ci")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, dir)));
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (Connection c = DriverManager.getConnection(url)) {
                    return url;
                } catch (SQLException notYet) {
                    if (!server.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("mariadbd did not start: see " + dir.resolve("server.log"));
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed:\n" + Files.readString(log));
        }
    }

    private static void stop(Process server, Path dir) {
        server.destroy();
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            // The JVM is exiting: a temporary directory left behind is all that can go wrong.
        }
    }
}
