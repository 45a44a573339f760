package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.api.Configuration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code url = embedded} is private to the account that owns the project: while a command runs, another
 * account of the machine cannot connect to its server, whatever it tries.
 */
class EmbeddedPrivacyIT {

    /** An unprivileged account of the machine, made for this test. */
    private static final String STRANGER = "autogen-stranger";

    @TempDir
    Path project;

    @BeforeAll
    static void aSecondAccountExists() throws Exception {
        assumeTrue(
                "0".equals(output("id", "-u").strip()),
                "a second account can only be made and used by root (useradd, setpriv); run as root to check privacy");
        assumeTrue(
                run(List.of("psql", "--version")).exitCode() == 0,
                "psql is needed to connect as the other account (apt-get install postgresql-client)");
        Proc made = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", STRANGER));
        // 9: the account exists already, from an earlier run of this test.
        assertThat(made.exitCode()).as(made.err()).isIn(0, 9);
    }

    @Test
    void anotherAccountCannotConnectWhileACommandRuns() throws Exception {
        configureEmbedded();
        Cli.Running holding = new Cli(project, Map.of()).start("psql", "--", "-c", "select pg_sleep(8)");
        int port = awaitServer();
        String password =
                Files.readString(project.resolve(".autogen/pgdata.password")).strip();

        // The owner, with the password kept beside the data, gets in: the server is there to be tried.
        assertThat(psql(List.of(), port, password).exitCode()).isZero();

        Proc withoutPassword = psql(asStranger(), port, null);
        assertThat(withoutPassword.exitCode()).as(withoutPassword.err()).isNotZero();
        assertThat(withoutPassword.err()).contains("password");
        Proc guessing = psql(asStranger(), port, "postgres");
        assertThat(guessing.exitCode()).isNotZero();
        assertThat(guessing.err()).contains("password authentication failed");
        Proc socket = run(concat(asStranger(), List.of("psql", "-h", "/tmp", "-p", "" + port, "-U", "postgres", "-w")));
        assertThat(socket.exitCode())
                .as("a Unix socket would bypass the network rules")
                .isNotZero();
        Proc reading = run(concat(
                asStranger(),
                List.of("cat", project.resolve(".autogen/pgdata.password").toString())));
        assertThat(reading.exitCode()).isNotZero();

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(project.resolve(".autogen/pgdata.password"))))
                .isEqualTo("rw-------");
        Cli.Result held = holding.waitFor(120);
        assertThat(held.exitCode()).as(held.toString()).isZero();
    }

    @Test
    void aDataDirectoryThatLetEveryoneInIsGivenAPassword() throws Exception {
        configureEmbedded();
        Cli cli = new Cli(project, Map.of());
        assertThat(cli.run("current").exitCode()).isZero();
        // As an earlier autogen left it: every local client trusted, no password kept.
        Files.writeString(
                project.resolve(".autogen/pgdata/pg_hba.conf"),
                "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        Files.delete(project.resolve(".autogen/pgdata.password"));

        Cli.Result secured = cli.run("current");
        assertThat(secured.exitCode()).as(secured.toString()).isZero();
        assertThat(secured.err()).contains("now asks for the password kept in");
        assertThat(Files.readString(project.resolve(".autogen/pgdata/pg_hba.conf")))
                .doesNotContain("trust")
                .contains("scram-sha-256");

        Cli.Running holding = cli.start("psql", "--", "-c", "select pg_sleep(5)");
        int port = awaitServer();
        Proc stranger = psql(asStranger(), port, null);
        assertThat(stranger.exitCode()).as(stranger.err()).isNotZero();
        assertThat(holding.waitFor(120).exitCode()).isZero();
        assertThat(cli.run("current").err()).doesNotContain("now asks for the password");
    }

    private void configureEmbedded() throws IOException {
        Files.writeString(
                project.resolve(Configuration.FILE_NAME),
                "url = embedded\nmigrations.dir = migrations\nmigrations.package = privacy\n");
    }

    /** The port of the server the running command started, once it accepts the owner. */
    private int awaitServer() throws Exception {
        Path pidFile = project.resolve(".autogen/pgdata/postmaster.pid");
        Path passwordFile = project.resolve(".autogen/pgdata.password");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(pidFile) && Files.exists(passwordFile)) {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() >= 4 && lines.get(3).strip().matches("\\d+")) {
                    int port = Integer.parseInt(lines.get(3).strip());
                    if (psql(List.of(), port, Files.readString(passwordFile).strip())
                                    .exitCode()
                            == 0) {
                        return port;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the embedded server never accepted its owner");
    }

    private static List<String> asStranger() throws Exception {
        String uid = output("id", "-u", STRANGER).strip();
        String gid = output("id", "-g", STRANGER).strip();
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    private static Proc psql(List<String> prefix, int port, String password) throws Exception {
        // -w: never prompt; without a password the server's refusal is the answer.
        List<String> command = concat(
                prefix,
                List.of(
                        "psql",
                        "-w",
                        "-h",
                        "localhost",
                        "-p",
                        "" + port,
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-c",
                        "select 1"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PGPASSWORD");
        // Nothing on file helps the stranger: no password file, no home of its own.
        builder.environment().put("PGPASSFILE", "/dev/null");
        builder.environment().put("HOME", "/nonexistent");
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        return run(builder);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private record Proc(int exitCode, String out, String err) {}

    private static String output(String... command) throws Exception {
        return run(List.of(command)).out();
    }

    private static Proc run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", "/nonexistent");
        return run(builder);
    }

    private static Proc run(ProcessBuilder builder) throws Exception {
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            return new Proc(127, "", missing.getMessage());
        }
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + builder.command());
        }
        return new Proc(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
