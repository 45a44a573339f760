package dev.autogen.api;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A project's configuration, read the one way every front end reads it: {@code autogen.properties}, a
 * build tool's or an application's settings over the file's keys, environment variables over both, and
 * command-line options over all. Paths in it are relative to the file's directory.
 *
 * @param file the configuration file (it may be missing when a build tool gives the settings)
 * @param url the JDBC URL, {@code embedded}, or {@code null} when none is configured
 * @param entitiesClasspath where the entity classes are, absolute
 * @param embeddedVersion the PostgreSQL version of {@code url = embedded} ({@code 14} to {@code 18}, or a build
 *     of the binaries); {@code null} for the one autogen ships with
 * @param targets the fleet the commands work on, {@link FleetTargets#NONE} for the configured database alone
 * @param hibernateSettings the {@code hibernate.*} and {@code jakarta.persistence.*} keys, for Hibernate
 */
public record Configuration(
        Path file,
        String url,
        String user,
        String password,
        String schema,
        List<String> entitiesClasspath,
        List<String> entitiesPackages,
        Path migrationsDir,
        String migrationsPackage,
        String versionTable,
        Naming naming,
        List<String> excludeTables,
        List<String> ignore,
        List<String> renames,
        RunOptions runOptions,
        boolean lockSafe,
        String embeddedVersion,
        FleetTargets targets,
        Map<String, String> hibernateSettings) {

    public static final String FILE_NAME = "autogen.properties";
    public static final String EMBEDDED = "embedded";

    private static final Set<String> KEYS = Set.of(
            "url",
            "user",
            "password",
            "password.file",
            "schema",
            "entities.classpath",
            "entities.packages",
            "migrations.dir",
            "migrations.package",
            "version.table",
            "naming",
            "exclude.tables",
            "ignore",
            "renames",
            "lock.wait",
            "lock.timeout",
            "lock.retries",
            "lock.safe",
            "statement.timeout",
            "embedded.version",
            "targets.schemas",
            "targets.file",
            "targets.query");
    private static final List<String> PASSED_TO_HIBERNATE = List.of("hibernate.", "jakarta.persistence.");

    /** Values given on the command line; {@code null} where not given. */
    public record Overrides(String url, String user, String password, String schema) {
        /** Nothing given. */
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    /** The directory the file lives in: relative paths and {@code .autogen} are there. */
    public Path baseDir() {
        return file.toAbsolutePath().getParent();
    }

    /** Whether the database is the embedded one autogen starts itself. */
    public boolean embedded() {
        return EMBEDDED.equals(url);
    }

    /** The file, under the environment and the command line's overrides; the file must exist. */
    public static Configuration load(Path file, Map<String, String> environment, Overrides overrides) {
        return load(file, environment, overrides, Map.of(), Map.of());
    }

    /**
     * With {@code build} settings (a build tool's own configuration, such as the Maven plugin's) taken over
     * the file's; the file may then be missing, and relative paths are relative to where it would be. The
     * build tool's {@code defaults} (what it knows of the project, such as its classpath) count only where
     * neither the file nor its settings give the key.
     */
    public static Configuration load(
            Path file,
            Map<String, String> environment,
            Overrides overrides,
            Map<String, String> build,
            Map<String, String> defaults) {
        if (!Files.isRegularFile(file) && build.isEmpty() && defaults.isEmpty()) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "no configuration file " + file.toAbsolutePath(),
                    "run 'autogen init' here, or pass -c FILE");
        }
        Properties properties = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                // An editor's byte-order mark would become part of the first key.
                String text = Files.readString(file, StandardCharsets.UTF_8);
                properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
            }
            build.forEach((key, value) -> properties.setProperty(key, value == null ? "" : value));
            defaults.forEach((key, value) -> {
                if (properties.getProperty(key, "").isBlank()) {
                    properties.setProperty(key, value);
                }
            });
        } catch (IOException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    file + " cannot be read: " + e.getMessage(),
                    "check that it is a readable UTF-8 text file");
        } catch (IllegalArgumentException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID, file + " cannot be read: " + e.getMessage(), "fix its syntax");
        }
        Map<String, String> values = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return parse(file, file.toString(), values, environment, overrides);
    }

    /**
     * An application's settings, given as the file's keys with no file and no environment (an application
     * framework has its own): {@code where} names them in errors; relative paths are the working directory's.
     */
    public static Configuration of(Map<String, String> keys, String where) {
        Map<String, String> values = new TreeMap<>();
        keys.forEach((key, value) -> values.put(key, value == null ? "" : value.strip()));
        return parse(Path.of(FILE_NAME), where, values, Map.of(), Overrides.NONE);
    }

    private static Configuration parse(
            Path file, String where, Map<String, String> values, Map<String, String> environment, Overrides overrides) {
        Map<String, String> hibernate = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (PASSED_TO_HIBERNATE.stream().anyMatch(key::startsWith)) {
                hibernate.put(key, values.get(key));
            } else if (!KEYS.contains(key)) {
                throw new AutogenException(
                        ErrorCode.CONFIG_INVALID,
                        where + " has an unknown key '" + key + "'",
                        "did you mean '" + nearest(key) + "'? keys starting with hibernate. go to Hibernate");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        String naming = values.get("naming");
        Naming parsedNaming;
        try {
            parsedNaming = Naming.parse(naming);
        } catch (IllegalArgumentException e) {
            throw new AutogenException(ErrorCode.CONFIG_INVALID, e.getMessage(), "fix naming in " + where);
        }
        String url = first(overrides.url(), environment.get("AUTOGEN_URL"), values.get("url"));
        return new Configuration(
                file,
                url,
                first(overrides.user(), environment.get("AUTOGEN_USER"), values.get("user")),
                first(
                        overrides.password(),
                        environment.get("AUTOGEN_PASSWORD"),
                        values.get("password"),
                        passwordFile(file, values.get("password.file"))),
                first(
                        overrides.schema(),
                        environment.get("AUTOGEN_SCHEMA"),
                        values.getOrDefault("schema", Settings.defaultSchemaFor(url))),
                list(values.get("entities.classpath"), ":").stream()
                        .map(entry -> resolve(base, entry))
                        .toList(),
                list(values.get("entities.packages"), ","),
                base.resolve(values.getOrDefault("migrations.dir", "migrations"))
                        .normalize(),
                javaPackage(where, values.getOrDefault("migrations.package", "migrations")),
                values.getOrDefault("version.table", "autogen_version"),
                parsedNaming,
                list(values.get("exclude.tables"), ","),
                list(values.get("ignore"), ","),
                list(values.get("renames"), ","),
                new RunOptions(
                        duration(where, "lock.wait", values.getOrDefault("lock.wait", "300s")),
                        duration(where, "lock.timeout", values.getOrDefault("lock.timeout", "5s")),
                        count(where, "lock.retries", values.getOrDefault("lock.retries", "3")),
                        duration(where, "statement.timeout", values.getOrDefault("statement.timeout", "0"))),
                bool(where, "lock.safe", values.getOrDefault("lock.safe", "true")),
                first(values.get("embedded.version")),
                new FleetTargets(
                        values.get("targets.schemas"),
                        values.getOrDefault("targets.file", "").isBlank()
                                ? null
                                : base.resolve(values.get("targets.file")).normalize(),
                        values.get("targets.query")),
                hibernate);
    }

    /**
     * The settings the API runs with: this configuration's schema, version table, filters and run options,
     * on {@code connection} (called when a database is first needed).
     */
    public Settings settings(
            Supplier<ConnectionSettings> connection, RunListener listener, Supplier<ConnectionSettings> scratch) {
        String known = url != null && url.startsWith("jdbc:") ? url : null;
        return new Settings(
                connection, schema, versionTable, excludeTables, ignore, runOptions, listener, scratch, known);
    }

    /** The project: its migrations, where they compile to ({@code .autogen/classes}), and its entities if any. */
    public Project project() {
        EntitySource entities = entitiesClasspath.isEmpty()
                ? null
                : new EntitySource(entitiesClasspath, entitiesPackages, naming, schema, hibernateSettings);
        return new Project(migrationsDir, migrationsPackage, baseDir().resolve(".autogen/classes"), entities);
    }

    /** The database to connect to, for a configured URL that is not the embedded one. */
    public ConnectionSettings connection() {
        if (url == null) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "no database url is configured",
                    "set url in " + file + " (url = embedded for a local one), AUTOGEN_URL, or --url");
        }
        return new ConnectionSettings(url, user, password);
    }

    /** The first line of the password file, relative to the configuration's directory; none when not set. */
    private static String passwordFile(Path file, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Path path = file.toAbsolutePath().getParent().resolve(name);
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .map(String::strip)
                    .orElse(null);
        } catch (IOException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "password.file " + path + " cannot be read: " + e.getMessage(),
                    "point password.file at a readable file whose first line is the password");
        }
    }

    private static int count(String where, String key, String text) {
        if (!text.matches("\\d{1,4}")) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    key + " = " + text + " in " + where + " is not a count",
                    "write a whole number, 0 to 9999");
        }
        return Integer.parseInt(text);
    }

    private static boolean bool(String where, String key, String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default ->
                throw new AutogenException(
                        ErrorCode.CONFIG_INVALID,
                        key + " = " + text + " in " + where + " is not true or false",
                        "write true or false");
        };
    }

    /** A package name javac takes: the migrations are compiled in it, so a wrong one fails every later command. */
    private static String javaPackage(String where, String name) {
        if (!javax.lang.model.SourceVersion.isName(name.strip())) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "migrations.package = " + name + " in " + where + " is not a Java package name",
                    "use letters, digits and underscores between the dots, like com.example.migrations");
        }
        return name.strip();
    }

    /** {@code 300s}, {@code 5m}, {@code 500ms}, or a bare number of seconds. */
    private static Duration duration(String where, String key, String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|min)?").matcher(text.strip());
        if (!m.matches()) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    key + " = " + text + " in " + where + " is not a duration",
                    "write it like 300s, 5m or 500ms");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static String resolve(Path base, String entry) {
        return Path.of(entry).isAbsolute()
                ? entry
                : base.resolve(entry).normalize().toString();
    }

    private static String first(String... values) {
        return Arrays.stream(values)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static List<String> list(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The known key closest to a misspelt one, by edit distance. */
    private static String nearest(String key) {
        return KEYS.stream()
                .min(Comparator.comparingInt((String k) -> distance(k, key)).thenComparing(k -> k))
                .orElseThrow();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
