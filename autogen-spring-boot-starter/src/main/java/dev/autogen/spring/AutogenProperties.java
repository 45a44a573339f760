package dev.autogen.spring;

import dev.autogen.api.Settings;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code autogen.*} settings of an application.
 *
 * @param enabled migrate at start-up ({@code true} unless set)
 * @param migrationsPackage the package the application's compiled migrations are in
 * @param target how far to migrate, {@code head} unless set
 * @param schema the default schema; unless set, the database's own ({@code public} on PostgreSQL, the url's
 *     database on MariaDB)
 * @param versionTable the version table, {@code autogen_version} unless set
 * @param checkOnStartup refuse to start when the entities and the database differ after migrating
 * @param targets a fleet to migrate instead of the DataSource's schema alone: schema-per-tenant on the
 *     DataSource ({@code autogen.targets.schemas=tenant_*}), or databases listed by a query or a file
 */
@ConfigurationProperties("autogen")
public record AutogenProperties(
        Boolean enabled,
        String migrationsPackage,
        String target,
        String schema,
        String versionTable,
        Boolean checkOnStartup,
        Targets targets) {

    /**
     * {@code autogen.targets.*}: which targets, and how the fleet runs (see {@code FleetTargets} and {@code
     * FleetOptions}).
     *
     * @param parallel targets migrated at once, one connection each ({@code 1} unless set)
     * @param canary the first targets, migrated before the others start; a failure among them stops all
     * @param continueOnError migrate the other targets after one fails; the application still refuses to start
     */
    public record Targets(
            String schemas, String file, String query, Integer parallel, Integer canary, Boolean continueOnError) {

        public Targets {
            parallel = parallel == null ? 1 : parallel;
            canary = canary == null ? 0 : canary;
            continueOnError = continueOnError != null && continueOnError;
        }
    }

    public AutogenProperties {
        enabled = enabled == null || enabled;
        migrationsPackage = migrationsPackage == null ? "migrations" : migrationsPackage;
        target = target == null ? "head" : target;
        versionTable = versionTable == null ? "autogen_version" : versionTable;
        checkOnStartup = checkOnStartup != null && checkOnStartup;
        targets = targets == null ? new Targets(null, null, null, null, null, null) : targets;
    }

    /**
     * These settings as autogen.properties' keys, for the configuration every front end reads; {@code url} is
     * the DataSource's, which decides the default schema.
     */
    Map<String, String> keys(String url) {
        Map<String, String> keys =
                new java.util.HashMap<>(Map.of("version.table", versionTable, "migrations.package", migrationsPackage));
        putIfSet(keys, "schema", schema);
        putIfSet(keys, "targets.schemas", targets.schemas());
        putIfSet(keys, "targets.file", targets.file());
        putIfSet(keys, "targets.query", targets.query());
        if (schema == null) {
            keys.put("schema", Settings.defaultSchemaFor(url));
        }
        return keys;
    }

    private static void putIfSet(Map<String, String> keys, String key, String value) {
        if (value != null && !value.isBlank()) {
            keys.put(key, value);
        }
    }
}
