package dev.autogen.spring;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code autogen.*} settings of an application.
 *
 * @param enabled migrate at start-up ({@code true} unless set)
 * @param migrationsPackage the package the application's compiled migrations are in
 * @param target how far to migrate, {@code head} unless set
 * @param schema the default schema, {@code public} unless set
 * @param versionTable the version table, {@code autogen_version} unless set
 * @param checkOnStartup refuse to start when the entities and the database differ after migrating
 */
@ConfigurationProperties("autogen")
public record AutogenProperties(
        Boolean enabled,
        String migrationsPackage,
        String target,
        String schema,
        String versionTable,
        Boolean checkOnStartup) {

    public AutogenProperties {
        enabled = enabled == null || enabled;
        migrationsPackage = migrationsPackage == null ? "migrations" : migrationsPackage;
        target = target == null ? "head" : target;
        schema = schema == null ? "public" : schema;
        versionTable = versionTable == null ? "autogen_version" : versionTable;
        checkOnStartup = checkOnStartup != null && checkOnStartup;
    }

    /** These settings as autogen.properties' keys, for the configuration every front end reads. */
    Map<String, String> keys() {
        return Map.of("schema", schema, "version.table", versionTable, "migrations.package", migrationsPackage);
    }
}
