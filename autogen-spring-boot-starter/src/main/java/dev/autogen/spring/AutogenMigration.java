package dev.autogen.spring;

import dev.autogen.Autogen;
import dev.autogen.api.Change;
import dev.autogen.api.Configuration;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Migrations;
import dev.autogen.api.Naming;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunResult;
import dev.autogen.api.Settings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the application's database to its target as the context starts, before JPA (the entity
 * manager factory depends on this bean); with {@code autogen.check-on-startup}, then refuses to start
 * when the entities still differ from the database.
 */
public class AutogenMigration implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AutogenMigration.class);

    private final DataSource dataSource;
    private final AutogenProperties properties;
    private final ClassLoader classLoader;
    private final List<String> entityPackages;
    private final Naming naming;

    public AutogenMigration(
            DataSource dataSource,
            AutogenProperties properties,
            ClassLoader classLoader,
            List<String> entityPackages,
            Naming naming) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.classLoader = classLoader;
        this.entityPackages = List.copyOf(entityPackages);
        this.naming = naming;
    }

    @Override
    public void afterPropertiesSet() {
        Configuration config = Configuration.of(properties.keys(), "the application's autogen.* properties");
        Settings settings = config.settings(() -> ConnectionSettings.of(dataSource), RunListener.NONE, null);
        Migrations migrations = Migrations.fromClassLoader(classLoader, config.migrationsPackage());
        RunResult result = new Autogen(settings, migrations).upgrade(properties.target());
        LOG.info(
                "autogen: the database is at {} ({} migration{} applied)",
                result.after(),
                result.steps().size(),
                result.steps().size() == 1 ? "" : "s");
        if (properties.checkOnStartup()) {
            check(config, settings, migrations);
        }
    }

    private void check(Configuration config, Settings settings, Migrations migrations) {
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        EntitySource entities = new EntitySource(classpath, entityPackages, naming, config.schema(), Map.of());
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "autogen-" + System.getProperty("user.name"));
        List<Change> differences =
                Autogen.forApplication(settings, migrations, entities, cache).check();
        if (!differences.isEmpty()) {
            throw new IllegalStateException("autogen: the entities and the database differ after migrating ("
                    + differences.stream().map(Change::toString).collect(Collectors.joining("; "))
                    + "); write a migration for them (autogen revision --autogenerate), or set"
                    + " autogen.check-on-startup=false");
        }
        LOG.info("autogen: the entities match the database");
    }
}
