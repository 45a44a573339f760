package dev.autogen.embedded;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The superuser password of an embedded server: made at random when its data directory is made, and kept
 * beside it in a file only the directory's owner can read ({@code .autogen/pgdata.password}).
 */
final class EmbeddedPassword {

    private static final String FILE_SUFFIX = ".password";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Only password clients, over the loopback interface: the server has no Unix socket. */
    private static final List<String> ACCESS_RULES = List.of(
            "# Written by autogen: a client must give the password kept in ../pgdata.password, which only",
            "# the owner of this directory can read. The server has no Unix socket (unix_socket_directories = '').",
            "host    all             all             127.0.0.1/32            scram-sha-256",
            "host    all             all             ::1/128                 scram-sha-256",
            "");

    private final String value;
    private final Path file;
    private final boolean securesOlderData;

    private EmbeddedPassword(String value, Path file, boolean securesOlderData) {
        this.value = value;
        this.file = file;
        this.securesOlderData = securesOlderData;
    }

    static Path fileOf(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + FILE_SUFFIX);
    }

    /**
     * The password of {@code dataDirectory}: the one kept beside it, or a new one for a directory about to be
     * made ({@code fresh}) or made by an earlier autogen that asked for none.
     */
    static EmbeddedPassword of(Path dataDirectory, boolean fresh) {
        Path file = fileOf(dataDirectory);
        boolean older = !fresh && letsEveryoneIn(dataDirectory);
        try {
            if (Files.exists(file)) {
                keepPrivate(file);
                return new EmbeddedPassword(Files.readString(file).strip(), file, older);
            }
            if (!fresh && !older) {
                throw new AutogenException(
                        ErrorCode.DATABASE_UNREACHABLE,
                        "the embedded database in " + dataDirectory
                                + " asks for a password, and the file that kept it (" + file + ") is gone",
                        "delete " + dataDirectory + " to start afresh (its data is lost)");
            }
            String value = generate();
            writePrivate(file, value);
            return new EmbeddedPassword(value, file, older);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password for a server on a data directory of its own, gone when it stops: its file lives until then. */
    static EmbeddedPassword throwAway() {
        try {
            String value = generate();
            Path file = Files.createTempFile("autogen-pg", FILE_SUFFIX);
            writePrivate(file, value);
            return new EmbeddedPassword(value, file, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server listens on the loopback interface only and without a socket file, clients give the
     * password, and a directory made now is made with it ({@code initdb --auth --pwfile}: the later
     * {@code --auth} overrides the {@code -A trust} that zonky passes first).
     */
    EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder, boolean fresh) {
        builder.setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setConnectConfig("password", value);
        if (fresh) {
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", file.toString());
        }
        return builder;
    }

    String value() {
        return value;
    }

    /** True for a data directory an earlier autogen made, which lets every local client in. */
    boolean securesOlderData() {
        return securesOlderData;
    }

    /** Deletes a throw-away password's file once the server has started. */
    void forgetFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    /** Replaces the data directory's access rules by ours; the server reads them again on reload. */
    static void writeAccessRules(Path dataDirectory) {
        try {
            Files.write(dataDirectory.resolve("pg_hba.conf"), ACCESS_RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean letsEveryoneIn(Path dataDirectory) {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(rules)
                    && Files.readAllLines(rules).stream()
                            .map(String::strip)
                            .filter(line -> !line.startsWith("#"))
                            .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written whole, readable by its owner alone from the moment it has a name. */
    private static void writePrivate(Path file, String value) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path staged = posix()
                ? Files.createTempFile(
                        directory,
                        file.getFileName().toString(),
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(staged, value + "\n");
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static void keepPrivate(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
