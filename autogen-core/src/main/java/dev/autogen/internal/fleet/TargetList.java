package dev.autogen.internal.fleet;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.Settings;
import dev.autogen.api.Target;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.text.Globs;
import dev.autogen.internal.workspace.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The targets {@link FleetTargets} name, in order: the databases of the file, then those of the query, each
 * with the schemas the pattern picks of it (sorted by name); with no list, the configured database's.
 */
public final class TargetList {

    private TargetList() {}

    /** A database of the list, as the report names it. */
    private record Database(String name, ConnectionSettings connection) {}

    /**
     * @param control the configured database: the query runs there, and the pattern picks its schemas when
     *     no list is given
     * @param schema the configured schema: a listed database's, unless its url names one (MariaDB)
     */
    public static List<Target> resolve(FleetTargets spec, ConnectionSettings control, String schema) {
        List<Database> databases = new ArrayList<>();
        if (spec.file() != null) {
            databases.addAll(fromFile(spec, control));
        }
        if (spec.query() != null) {
            databases.addAll(fromQuery(spec.query(), control));
        }
        boolean listed = spec.file() != null || spec.query() != null;
        if (!listed) {
            databases.add(new Database("", control));
        }
        List<Target> targets = new ArrayList<>();
        for (Database database : databases) {
            if (spec.schemas() == null) {
                String own = Settings.defaultSchemaFor(database.connection().url());
                targets.add(new Target(
                        database.name(), database.connection(), own.equals(Settings.DEFAULT_SCHEMA) ? schema : own));
                continue;
            }
            Pattern pattern = Globs.compile(spec.schemas());
            List<String> picked = schemaNames(database.connection()).stream()
                    .filter(name -> pattern.matcher(name).matches())
                    .toList();
            for (String name : picked) {
                targets.add(new Target(
                        database.name().isEmpty() ? name : database.name() + "/" + name, database.connection(), name));
            }
        }
        if (targets.isEmpty()) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "the fleet has no targets: " + described(spec) + " names none",
                    "check targets.schemas, targets.file and targets.query");
        }
        Set<String> names = new HashSet<>();
        for (Target target : targets) {
            if (!names.add(target.name())) {
                throw new AutogenException(
                        ErrorCode.BAD_TARGET,
                        "the fleet names the target '" + target.name() + "' twice",
                        "give each database of the list a name of its own (a name, a blank, then the url)");
            }
        }
        return targets;
    }

    private static String described(FleetTargets spec) {
        List<String> parts = new ArrayList<>();
        if (spec.schemas() != null) {
            parts.add("the schema pattern '" + spec.schemas() + "'");
        }
        if (spec.file() != null) {
            parts.add("the file " + spec.file());
        }
        if (spec.query() != null) {
            parts.add("the query");
        }
        return String.join(" with ", parts);
    }

    private static List<Database> fromFile(FleetTargets spec, ConnectionSettings control) {
        List<String> lines;
        try {
            lines = Files.readAllLines(spec.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "targets.file " + spec.file() + " cannot be read: " + e.getMessage(),
                    "point targets.file at a text file with one JDBC url a line");
        }
        List<Database> databases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length > 2 || !parts[parts.length - 1].startsWith("jdbc:")) {
                throw new AutogenException(
                        ErrorCode.CONFIG_INVALID,
                        "line " + (i + 1) + " of " + spec.file() + " is not a JDBC url, nor a name and a url",
                        "write one target a line: jdbc:postgresql://host/db, or a name, a blank and the url");
            }
            databases.add(database(parts.length == 2 ? parts[0] : null, parts[parts.length - 1], control));
        }
        return databases;
    }

    private static List<Database> fromQuery(String query, ConnectionSettings control) {
        Dialect dialect = Dialects.forUrl(control.url(), control.safeUrl());
        List<Database> databases = new ArrayList<>();
        try (Connection connection = dialect.connect(control);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            if (columns > 2) {
                throw new AutogenException(
                        ErrorCode.CONFIG_INVALID,
                        "targets.query gives " + columns + " columns",
                        "select a url a row, or a name and a url");
            }
            while (rs.next()) {
                String url = rs.getString(columns);
                if (url == null || !url.startsWith("jdbc:")) {
                    throw new AutogenException(
                            ErrorCode.CONFIG_INVALID,
                            "targets.query gives a row whose url is not a JDBC url",
                            "select a url a row, or a name and a url");
                }
                databases.add(database(columns == 2 ? rs.getString(1) : null, url, control));
            }
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "targets.query failed on " + control.safeUrl() + ": " + e.getMessage(),
                    "fix the query in targets.query");
        }
        return databases;
    }

    /** A listed database, reached as the configured one is (its user and password) unless its url says otherwise. */
    private static Database database(String name, String url, ConnectionSettings control) {
        ConnectionSettings connection = new ConnectionSettings(url, control.user(), control.password());
        return new Database(name == null ? connection.safeUrl() : name, connection);
    }

    private static List<String> schemaNames(ConnectionSettings database) {
        Dialect dialect = Dialects.forUrl(database.url(), database.safeUrl());
        try (Connection connection = dialect.connect(database)) {
            return dialect.schemaNames(connection);
        } catch (SQLException e) {
            throw new AutogenException(
                    ErrorCode.DATABASE_ERROR,
                    "listing the schemas of " + database.safeUrl() + " failed: " + e.getMessage(),
                    "check that the user may read the catalog");
        }
    }
}
